package dev.takedown.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A minimal OpenID Connect provider on 127.0.0.1 for the page sign-in (authorization code flow with PKCE): discovery
 * document, JWKS, {@code /authorize} that redirects back with a code, and {@code /token} that checks the client secret,
 * the redirect URI and the PKCE verifier before it returns an RS256-signed ID token carrying the nonce. Who signs in is
 * chosen by the test, as if typed into the provider's form: {@code login}, {@code roles}, {@code organisation}
 * parameters on {@code /authorize}; {@code tamper} makes the ID token wrong in one way. {@link #accessToken} mints
 * the bearer tokens an API client of the same issuer would send.
 */
public final class FakeOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "takedown-portal";
    public static final String CLIENT_SECRET = "fake-client-secret-" + UUID.randomUUID();
    public static final String NAME = "Fake IdP";

    /** What is wrong with the ID token the provider returns. */
    public enum Tamper {
        NONE,
        WRONG_ISSUER,
        WRONG_NONCE,
        WRONG_SIGNATURE
    }

    private record Grant(
            String login,
            List<String> roles,
            String organisation,
            Tamper tamper,
            String nonce,
            String challenge,
            String redirectUri) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ID = "fake-key";

    private final KeyPair keys = rsaKeyPair("fake-oidc-issuer.pem");
    private final KeyPair stranger = rsaKeyPair("fake-oidc-stranger.pem");
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final String issuer;

    private FakeOidcProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/fake";
        server.createContext("/realms/fake/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/fake/jwks", this::jwks);
        server.createContext("/realms/fake/authorize", this::authorize);
        server.createContext("/realms/fake/token", this::token);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "fake-oidc");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static FakeOidcProvider start() {
        try {
            return new FakeOidcProvider();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/authorize");
        metadata.put("token_endpoint", issuer + "/token");
        metadata.put("jwks_uri", issuer + "/jwks");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        metadata.put("grant_types_supported", List.of("authorization_code"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        send(exchange, 200, "application/json", JSON.writeValueAsString(metadata));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .keyID(KEY_ID)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        send(exchange, 200, "application/json", new JWKSet(key).toString());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String problem = "code".equals(query.get("response_type")) ? null : "response_type must be code";
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            problem = "unknown client";
        } else if (!"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
            problem = "PKCE with S256 is required";
        } else if (query.get("nonce") == null || query.get("state") == null || query.get("redirect_uri") == null) {
            problem = "nonce, state and redirect_uri are required";
        } else if (query.get("login") == null) {
            problem = "nobody signed in";
        }
        if (problem != null) {
            send(exchange, 400, "text/plain", problem);
            return;
        }
        String code = UUID.randomUUID().toString();
        String roles = query.getOrDefault("roles", "");
        codes.put(
                code,
                new Grant(
                        query.get("login"),
                        roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                        query.get("organisation"),
                        Tamper.valueOf(query.getOrDefault("tamper", "NONE")),
                        query.get("nonce"),
                        query.get("code_challenge"),
                        query.get("redirect_uri")));
        exchange.getResponseHeaders()
                .add(
                        "Location",
                        query.get("redirect_uri") + "?code=" + code + "&state="
                                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        send(exchange, 302, "text/plain", "");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expectedAuth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = body.get("code") == null ? null : codes.remove(body.get("code"));
        if (grant == null
                || !"authorization_code".equals(body.get("grant_type"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || body.get("code_verifier") == null
                || !grant.challenge().equals(s256(body.get("code_verifier")))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", UUID.randomUUID().toString());
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", 300);
        tokens.put("scope", "openid profile");
        tokens.put("id_token", idToken(grant));
        send(exchange, 200, "application/json", JSON.writeValueAsString(tokens));
    }

    private String idToken(Grant grant) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(grant.tamper() == Tamper.WRONG_ISSUER ? issuer.replace("/fake", "/other") : issuer)
                .subject(UUID.nameUUIDFromBytes(grant.login().getBytes(StandardCharsets.UTF_8))
                        .toString())
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("azp", CLIENT_ID)
                .claim("nonce", grant.tamper() == Tamper.WRONG_NONCE ? "not-" + grant.nonce() : grant.nonce())
                .claim("preferred_username", grant.login())
                .claim("realm_access", Map.of("roles", grant.roles()));
        if (grant.organisation() != null) {
            claims.claim("organisation", grant.organisation());
        }
        return sign(claims.build(), grant.tamper() == Tamper.WRONG_SIGNATURE ? stranger : keys);
    }

    /**
     * An access token as the issuer mints it for an API client (the client-credentials or token-exchange result a
     * portal sends as {@code Authorization: Bearer}): signed with the issuer's key, for {@code audience}, with roles
     * and organisation in the same claims as the ID tokens, valid for an hour.
     */
    public String accessToken(String login, List<String> roles, String organisation, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(login.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("preferred_username", login)
                .claim("realm_access", Map.of("roles", roles));
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        return sign(claims.build(), keys);
    }

    private static String sign(JWTClaimsSet claims, KeyPair signer) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(KEY_ID)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(signer.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * A fixed test key beside this class: generating two 2,048-bit keys cost about five seconds of CPU in every test
     * JVM that signs someone in (C1 has none of BigInteger's intrinsics).
     */
    private static KeyPair rsaKeyPair(String resource) {
        try (InputStream pem = FakeOidcProvider.class.getResourceAsStream(resource)) {
            String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            PublicKey publicKey =
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
