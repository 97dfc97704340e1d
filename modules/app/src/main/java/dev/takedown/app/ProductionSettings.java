package dev.takedown.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.app.UnsafeProductionSettings.Finding;
import dev.takedown.events.InboundSignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The production settings that properties alone decide, checked before any bean exists (so before the web server,
 * Kafka consumers or the job executor could start; registered in META-INF/spring.factories, after Spring Boot has read
 * every property source). Production is any start without the {@code local}, {@code test} or {@code demo} profile.
 * Every unsafe setting is named at once, each with its fix; what needs the database is {@link ProductionSafety}'s.
 */
class ProductionSettings implements EnvironmentPostProcessor, Ordered {

    /** Profiles under which demo settings are expected. */
    static final Profiles NOT_PRODUCTION = Profiles.of("local", "test", "demo");

    /** The BCrypt hash of {@code demo} that docker/env.example ships for the screening nodes' platform client. */
    static final String ENV_EXAMPLE_CLIENT_HASH = "$2a$10$4MP8X9Ex4NwBi8K/J7ETYOM27OwVVpHfCE/9Cy4UOgspRiAxBfFci";

    /** Secrets that appear in this repository's demo configuration and documentation. */
    static final List<String> DEMO_SECRETS =
            List.of("demo", "demo-portal-client-secret", "password", "secret", "changeme", "platform");

    /** The designated agent's registration number in this repository's configuration. */
    static final String DEMO_AGENT_REGISTRATION = "DMCA-1000000";

    /** Public addresses no proxy of ours has: a rule that trusts them trusts everyone. */
    private static final List<String> PUBLIC_ADDRESSES = List.of("203.0.113.7", "8.8.8.8", "2001:db8::7");

    private static final Set<String> SCHEMA_SAFE = Set.of("false", "none");

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor: every application*.yml and profile is loaded
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(NOT_PRODUCTION)) {
            return;
        }
        List<Finding> findings = findings(environment);
        if (!findings.isEmpty()) {
            throw new UnsafeProductionSettings(findings);
        }
    }

    static List<Finding> findings(Environment environment) {
        List<Finding> findings = new ArrayList<>();
        boolean screeningNode = environment.acceptsProfiles(Profiles.of("screening-node"));
        boolean engine = !environment.acceptsProfiles(Profiles.of("node"));
        linkSecret(environment, findings);
        if (!screeningNode) {
            signingKey(environment, findings);
        }
        timeCompression(environment, "takedown.time-compression", findings);
        timeCompression(environment, "takedown.review.time-compression", findings);
        platformClients(environment, findings);
        if (!screeningNode && !environment.acceptsProfiles(Profiles.of("audit-node"))) {
            // the nodes that publish the complaint page and the agent; screening and audit nodes show neither
            designatedAgent(environment, findings);
            criminalOffenceAuthority(environment, findings);
        }
        if (engine || screeningNode) {
            // the nodes whose screening index answers filter commands; on the others enforcementKeys checks secrets
            screeningKey(environment, !engine, findings);
        }
        proxies(environment, findings);
        realmImports(environment, findings);
        if (engine) {
            intakeKeys(environment, findings);
            enforcementKeys(environment, findings);
            engineRest(environment, findings);
            camunda(environment, findings);
        }
        return findings;
    }

    private static void linkSecret(Environment environment, List<Finding> findings) {
        String secret = environment.getProperty("takedown.links.secret", "");
        if (secret.contains("local-demo") || secret.contains("not-for-production")) {
            findings.add(new Finding(
                    "takedown.links.secret",
                    "is a demo secret from this repository: anyone can sign uploader links with it",
                    "set TAKEDOWN_LINKS_SECRET to a random value of at least 32 characters (openssl rand -base64 48)"));
        }
    }

    /** The Kafka intake files notices for the organisation whose key signed them: keys anyone knows file for anyone. */
    private static void intakeKeys(Environment environment, List<Finding> findings) {
        if (!environment.getProperty("takedown.intake.kafka-enabled", Boolean.class, true)) {
            return;
        }
        Map<String, InboundSignatures.Key> keys = Binder.get(environment)
                .bind("takedown.intake.keys", Bindable.mapOf(String.class, InboundSignatures.Key.class))
                .orElse(Map.of());
        if (keys.isEmpty()) {
            findings.add(new Finding(
                    "takedown.intake.keys",
                    "is empty while the Kafka intake runs: no portal can prove which organisation it files for, so"
                            + " every notice on takedown.notices.inbound is dead-lettered",
                    "give each portal a key (takedown.intake.keys.<key-id>.organisation and .secret, docs/integration.md)"
                            + " or turn the intake off with takedown.intake.kafka-enabled=false"));
        }
        keys.forEach((id, key) -> {
            String secret = key.secret() == null ? "" : key.secret();
            String organisation = key.organisation() == null ? "" : key.organisation();
            if (organisation.isBlank()) {
                findings.add(new Finding(
                        "takedown.intake.keys." + id + ".organisation",
                        "is not set: the key files for no organisation",
                        "name the organisation whose portal holds the key"));
            }
            if (secret.length() < 32
                    || secret.contains("local-demo")
                    || secret.contains("not-for-production")
                    || DEMO_SECRETS.contains(secret)) {
                findings.add(new Finding(
                        "takedown.intake.keys." + id + ".secret",
                        "is missing, shorter than 32 characters or a demo secret from this repository: anyone could"
                                + " file notices for " + (organisation.isBlank() ? "that organisation" : organisation),
                        "generate one per portal (openssl rand -hex 32) and hand it to that organisation only"));
            }
        });
    }

    /** A platform's answers confirm removals: a key anyone knows lets anyone say content was removed. */
    private static void enforcementKeys(Environment environment, List<Finding> findings) {
        Binder.get(environment)
                .bind("takedown.enforcement.keys", Bindable.mapOf(String.class, InboundSignatures.Key.class))
                .orElse(Map.of())
                .forEach((id, key) -> {
                    if (demoOrWeak(key.secret())) {
                        findings.add(new Finding(
                                "takedown.enforcement.keys." + id + ".secret",
                                "is missing, shorter than 32 characters or a demo secret from this repository: anyone"
                                        + " could confirm that content was removed or restored",
                                "generate one (openssl rand -hex 32) and hand it to the platform's adapter only"));
                    }
                });
    }

    private static boolean demoOrWeak(String secret) {
        String value = secret == null ? "" : secret;
        return value.length() < 32
                || value.contains("local-demo")
                || value.contains("not-for-production")
                || DEMO_SECRETS.contains(value);
    }

    /** Filters are confirmed by the screening nodes' signed answers: without their key, none ever is. */
    private static void screeningKey(Environment environment, boolean checkSecret, List<Finding> findings) {
        String signer = environment.getProperty("takedown.enforcement.screening.signer", "screening-nodes");
        String keyId = environment.getProperty("takedown.screening.answer-key", "");
        InboundSignatures.Key key = Binder.get(environment)
                .bind("takedown.enforcement.keys", Bindable.mapOf(String.class, InboundSignatures.Key.class))
                .orElse(Map.of())
                .get(keyId);
        if (key == null || !signer.equals(key.organisation())) {
            findings.add(
                    new Finding(
                            "takedown.screening.answer-key",
                            "names no key of the organisation '" + signer
                                    + "' in takedown.enforcement.keys: the screening"
                                    + " nodes' answers cannot be signed or verified, so no filter is ever confirmed",
                            "add a key with organisation " + signer
                                    + " to takedown.enforcement.keys (openssl rand -hex 32)"
                                    + " and name it in takedown.screening.answer-key (TAKEDOWN_SCREENING_ANSWERKEY) on every node"));
        } else if (checkSecret && demoOrWeak(key.secret())) {
            findings.add(new Finding(
                    "takedown.enforcement.keys." + keyId + ".secret",
                    "is missing, shorter than 32 characters or a demo secret from this repository: anyone could"
                            + " confirm that a filter is in every screening index",
                    "generate one (openssl rand -hex 32) and give it to the screening and application nodes only"));
        }
    }

    private static void signingKey(Environment environment, List<Finding> findings) {
        if (environment.getProperty("takedown.audit.signing.generate-if-missing", Boolean.class, false)) {
            findings.add(new Finding(
                    "takedown.audit.signing.generate-if-missing",
                    "is true: a key made on the fly is known to no one who could check the checkpoints",
                    "remove it and mount the Ed25519 key you published (TAKEDOWN_AUDIT_SIGNING_KEY_PATH)"));
        }
        String keyPath = environment.getProperty("takedown.audit.signing.key-path", "");
        if (keyPath.isBlank()) {
            findings.add(new Finding(
                    "takedown.audit.signing.key-path",
                    "is not set: the ledger runs without signed checkpoints, so whoever owns the database can rewrite"
                            + " records and hash chains that still verify",
                    "create a key (openssl genpkey -algorithm ed25519 -out audit-ed25519.pem), publish its public"
                            + " key, mount it and set TAKEDOWN_AUDIT_SIGNING_KEY_PATH"));
        } else if (!Files.isReadable(Path.of(keyPath))) {
            findings.add(new Finding(
                    "takedown.audit.signing.key-path",
                    keyPath + " is not a readable file",
                    "mount the checkpoint key at that path, readable by the application's user"));
        }
    }

    /** The repository's demo agent would tell the public to send DMCA notices to an address no one reads. */
    private static void designatedAgent(Environment environment, List<Finding> findings) {
        boolean usEnabled = environment.getProperty("takedown.profiles.US_DMCA.enabled", Boolean.class, true);
        String registration = environment.getProperty("takedown.designated-agent.registration-number", "");
        String email = environment.getProperty("takedown.designated-agent.email", "");
        if (usEnabled && (DEMO_AGENT_REGISTRATION.equals(registration.strip()) || email.endsWith(".example"))) {
            findings.add(new Finding(
                    "takedown.designated-agent",
                    "is the repository's demo agent: 17 U.S.C. 512(c)(2) needs the agent you registered with the"
                            + " Copyright Office",
                    "set TAKEDOWN_DESIGNATEDAGENT_NAME, _ADDRESS, _PHONE, _EMAIL, _REGISTRATIONNUMBER and"
                            + " _REGISTEREDON from your designation at dmca.copyright.gov, or disable US_DMCA"));
        }
    }

    /**
     * Moderators flag suspected offences threatening life or safety on these nodes: compliance must know which
     * authority to inform (DSA Art. 18(1)), and the local stack's demo authority reads no report.
     */
    private static void criminalOffenceAuthority(Environment environment, List<Finding> findings) {
        String name = environment.getProperty("takedown.art18.authority.name", "");
        String email = environment.getProperty("takedown.art18.authority.email", "");
        String phone = environment.getProperty("takedown.art18.authority.phone", "");
        if (name.isBlank()
                || (email.isBlank() && phone.isBlank())
                || email.strip().endsWith(".example")) {
            findings.add(new Finding(
                    "takedown.art18.authority",
                    "is missing or a demo value: a suspected criminal offence threatening life or safety must be"
                            + " reported to the competent authority (DSA Art. 18(1)), and compliance would not know"
                            + " which one",
                    "set TAKEDOWN_ART18_AUTHORITY_NAME and _EMAIL or _PHONE (and _ADDRESS) to the law enforcement or"
                            + " judicial authority of your member state"));
        }
    }

    private static void timeCompression(Environment environment, String property, List<Finding> findings) {
        String value = environment.getProperty(property, "1").strip();
        double compression;
        try {
            compression = Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            compression = Double.NaN;
        }
        if (compression != 1) {
            findings.add(new Finding(
                    property,
                    "is " + value + ": statutory and review periods would pass faster than the law allows",
                    "remove it (the default is 1); time compression is for demos"));
        }
    }

    private static void platformClients(Environment environment, List<Finding> findings) {
        Map<String, String> clients = Binder.get(environment)
                .bind("takedown.node.clients", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        clients.forEach((client, hash) -> {
            boolean demo = ENV_EXAMPLE_CLIENT_HASH.equals(hash)
                    || (hash.startsWith("$2") && DEMO_SECRETS.stream().anyMatch(s -> matches(bcrypt, s, hash)));
            if (demo) {
                findings.add(new Finding(
                        "takedown.node.clients." + client,
                        "is the hash of a demo secret (docker/env.example ships the hash of 'demo')",
                        "choose a random secret for the client and set the BCrypt hash of it"
                                + " (htpasswd -nbBC 10 '' SECRET | cut -d: -f2)"));
            }
        });
    }

    private static boolean matches(BCryptPasswordEncoder bcrypt, String secret, String hash) {
        try {
            return bcrypt.matches(secret, hash);
        } catch (IllegalArgumentException notBcrypt) {
            return false;
        }
    }

    private static void proxies(Environment environment, List<Finding> findings) {
        for (String proxy : TrustedProxies.configured(environment)) {
            String rule = proxy.strip();
            if (rule.equals("*") || rule.endsWith("/0")) {
                findings.add(new Finding(
                        "takedown.security.trusted-proxies",
                        "'" + rule + "' trusts every peer: any client could name its own address in X-Forwarded-For"
                                + " and so pass the login throttle under ever new names",
                        "list only the addresses (or narrow ranges) of your reverse proxies"));
            }
        }
        String strategy = environment
                .getProperty("server.forward-headers-strategy", "none")
                .toLowerCase(Locale.ROOT);
        if (strategy.equals("framework")) {
            findings.add(new Finding(
                    "server.forward-headers-strategy",
                    "is framework: Spring trusts X-Forwarded-* from every peer",
                    "leave it at none and name your proxies in takedown.security.trusted-proxies"));
        } else if (strategy.equals("native")) {
            String internal = environment.getProperty("server.tomcat.remoteip.internal-proxies", "");
            if (internal.isBlank() || trustsPublicAddresses(internal)) {
                findings.add(new Finding(
                        "server.forward-headers-strategy",
                        "is native and server.tomcat.remoteip.internal-proxies trusts "
                                + (internal.isBlank() ? "every private address" : "public addresses"),
                        "leave it at none and name your proxies in takedown.security.trusted-proxies"));
            }
        }
    }

    private static boolean trustsPublicAddresses(String regex) {
        try {
            Pattern internal = Pattern.compile(regex);
            return PUBLIC_ADDRESSES.stream().anyMatch(a -> internal.matcher(a).matches());
        } catch (PatternSyntaxException invalid) {
            return true;
        }
    }

    private static void realmImports(Environment environment, List<Finding> findings) {
        List<String> files = Binder.get(environment)
                .bind("takedown.security.realm-imports", Bindable.listOf(String.class))
                .orElse(List.of());
        ObjectMapper json = new ObjectMapper();
        for (String file : files) {
            String setting = "takedown.security.realm-imports (" + file + ")";
            JsonNode realm;
            try {
                realm = json.readTree(Files.readString(Path.of(file)));
            } catch (IOException | RuntimeException unreadable) {
                findings.add(new Finding(
                        setting,
                        "cannot be read as a Keycloak realm export (" + unreadable.getMessage() + ")",
                        "point it at the realm file your Keycloak imports (config/keycloak/takedown-realm.json)"));
                continue;
            }
            if (realm.path("users").size() > 0) {
                findings.add(new Finding(
                        setting,
                        "imports " + realm.path("users").size() + " users with passwords from a file",
                        "import config/keycloak/takedown-realm.json, which has none; the demo users are in"
                                + " takedown-demo-realm.json for docker compose --profile demo only"));
            }
            for (JsonNode client : realm.path("clients")) {
                if (client.path("publicClient").asBoolean(false)
                        && client.path("directAccessGrantsEnabled").asBoolean(true)) {
                    findings.add(new Finding(
                            setting,
                            "client '" + client.path("clientId").asText() + "' is public and takes passwords"
                                    + " (direct access grants): anyone can guess passwords through it",
                            "turn off directAccessGrantsEnabled for public clients (device flow or a confidential"
                                    + " client instead)"));
                }
            }
        }
    }

    private static void engineRest(Environment environment, List<Finding> findings) {
        boolean allowed = "ALLOWED"
                .equalsIgnoreCase(environment
                        .getProperty("takedown.engine-rest.deployments", "REFUSED")
                        .strip());
        if (allowed && !environment.getProperty("takedown.engine-rest.admins-may-run-code", Boolean.class, false)) {
            findings.add(new Finding(
                    "takedown.engine-rest.deployments",
                    "is ALLOWED: an administrator's deployment runs its expressions and scripts in the application,"
                            + " with every Spring bean in reach",
                    "set it back to REFUSED, or acknowledge the risk with"
                            + " takedown.engine-rest.admins-may-run-code=true"));
        }
    }

    private static void camunda(Environment environment, List<Finding> findings) {
        Map<String, String> engine = Binder.get(environment)
                .bind("camunda.bpm.generic-properties.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        engine.forEach((name, value) -> {
            String key = name.replace("-", "").toLowerCase(Locale.ROOT);
            if ((key.equals("enableexpressionsinadhocqueries") || key.equals("enableexpressionsinstoredqueries"))
                    && Boolean.parseBoolean(value.strip())) {
                findings.add(new Finding(
                        "camunda.bpm.generic-properties.properties." + name,
                        "is true: a query parameter becomes an expression the engine evaluates",
                        "set it to false (config/application.yml)"));
            }
        });
        String schemaUpdate = environment
                // the starter's default is true
                .getProperty("camunda.bpm.database.schema-update", "true")
                .strip()
                .toLowerCase(Locale.ROOT);
        if (!SCHEMA_SAFE.contains(schemaUpdate)) {
            findings.add(new Finding(
                    "camunda.bpm.database.schema-update",
                    "is " + schemaUpdate + ": the engine would change its own tables at start",
                    "set it to false; Flyway manages Camunda's schema (workflow V39, Camunda's upgrade scripts)"));
        }
    }
}
