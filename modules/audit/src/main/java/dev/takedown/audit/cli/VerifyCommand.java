package dev.takedown.audit.cli;

import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.internal.BundleVerifier;
import dev.takedown.audit.internal.KeyRing;
import dev.takedown.audit.internal.LedgerVerifier;
import dev.takedown.audit.internal.SigningKey;
import dev.takedown.audit.internal.TsaTrust;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Command-line verifier of a ledger database or an evidence bundle, for people who do not run the application.
 * Exit code 0 = intact, 1 = broken, 2 = usage error, 3 = consistent but signed by a key nobody vouched for.
 */
public final class VerifyCommand {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int USAGE = 2;
    static final int UNVERIFIED_SIGNER = 3;

    private static final String USAGE_TEXT = """
            usage: VerifyCommand [--public-key KEY.pem | --fingerprint HEX]... [--tsa-certificate CERT.pem]... BUNDLE.zip
                   VerifyCommand [--public-key KEY.pem]... [--tsa-certificate CERT.pem]... --jdbc URL
                                 [--user USER] [--password PASSWORD]
              BUNDLE.zip     an evidence bundle from GET /api/audit/cases/{caseId}/bundle
              --jdbc URL     a ledger database, e.g. jdbc:postgresql://host:5432/takedown
                             (the password may instead come from TAKEDOWN_AUDIT_DB_PASSWORD)
              --public-key   a published Ed25519 checkpoint key (repeat it for the keys retired by rotation);
                             required for --jdbc when the ledger has checkpoints (a key read from the database
                             under test proves nothing); for a bundle, replaces the keys shipped in it
              --fingerprint  the published SHA-256 fingerprint of a checkpoint key (repeatable): a key shipped
                             in the bundle is trusted only if it matches one; without --public-key or
                             --fingerprint a bundle is at best UNVERIFIED SIGNER, since anyone can re-sign one
              --tsa-certificate  a published TSA (CA) certificate that timestamp tokens must chain to (repeatable);
                             required for --jdbc when checkpoints are stamped; for a bundle, replaces the
                             certificates shipped in it
            exit code: 0 intact, 1 broken, 2 usage error, 3 unverified signer""";

    private VerifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        List<Path> publicKeys = new ArrayList<>();
        List<Path> tsaCertificates = new ArrayList<>();
        Set<String> fingerprints = new LinkedHashSet<>();
        String jdbc = null;
        String user = null;
        String password = System.getenv("TAKEDOWN_AUDIT_DB_PASSWORD");
        Path bundle = null;
        try {
            while (!rest.isEmpty()) {
                String arg = rest.pop();
                switch (arg) {
                    case "--public-key" -> publicKeys.add(Path.of(value(rest, arg)));
                    case "--tsa-certificate" -> tsaCertificates.add(Path.of(value(rest, arg)));
                    case "--fingerprint" -> fingerprints.add(fingerprint(value(rest, arg)));
                    case "--jdbc" -> jdbc = value(rest, arg);
                    case "--user" -> user = value(rest, arg);
                    case "--password" -> password = value(rest, arg);
                    default -> {
                        if (arg.startsWith("-") || bundle != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        bundle = Path.of(arg);
                    }
                }
            }
            if ((jdbc == null) == (bundle == null)) {
                throw new IllegalArgumentException("give either a bundle or --jdbc");
            }
            if (jdbc != null && !fingerprints.isEmpty()) {
                throw new IllegalArgumentException(
                        "--fingerprint is for bundles; pin a database's keys with --public-key");
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE_TEXT);
            return USAGE;
        }
        KeyRing keys;
        TsaTrust tsa;
        byte[] zip = null;
        try {
            List<PublicKey> read = new ArrayList<>();
            for (Path pem : publicKeys) {
                read.addAll(SigningKey.publicKeysFromPem(Files.readString(pem, StandardCharsets.US_ASCII)));
            }
            keys = KeyRing.of(read);
            tsa = TsaTrust.load(tsaCertificates);
            if (bundle != null) {
                zip = Files.readAllBytes(bundle);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            out.println("cannot read " + e.getMessage());
            return USAGE;
        }
        return zip != null
                ? verifyBundle(bundle, zip, keys, fingerprints, tsa, out)
                : verifyDatabase(jdbc, user, password, keys, tsa, out);
    }

    private static int verifyBundle(
            Path path, byte[] zip, KeyRing keys, Set<String> fingerprints, TsaTrust tsa, PrintStream out) {
        out.println("Evidence bundle " + path);
        BundleVerifier.Report report = BundleVerifier.verify(zip, keys, fingerprints, tsa);
        report.lines().forEach(line -> out.println("  " + line));
        return switch (report.verdict()) {
            case INTACT -> INTACT;
            case BROKEN -> BROKEN;
            case UNVERIFIED_SIGNER -> UNVERIFIED_SIGNER;
        };
    }

    /** 64 hex digits (a key id, as the bundle's README and the operator's publication show it); colons allowed. */
    private static String fingerprint(String value) {
        String hex = value.replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("--fingerprint needs the 64 hex digits of a key's SHA-256");
        }
        return hex;
    }

    private static int verifyDatabase(
            String url, String user, String password, KeyRing keys, TsaTrust tsa, PrintStream out) {
        out.println("Ledger at " + url);
        if (!keys.isEmpty()) {
            out.println("  checkpoint keys (pinned): " + keys.ids());
        }
        if (!tsa.isEmpty()) {
            out.println("  TSA certificates (pinned): " + tsa.names());
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
        ChainStatus status;
        try {
            status = new LedgerVerifier(
                            new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource), keys, tsa)
                    .verify();
        } catch (RuntimeException e) {
            out.println("  cannot read the ledger: " + e.getMessage());
            return USAGE;
        }
        out.println("  " + status.records() + " record(s), " + status.checkpoints() + " checkpoint(s), "
                + status.pendingTimestamps() + " awaiting a timestamp");
        status.purged().forEach(line -> out.println("  " + line));
        if (status.intact()) {
            out.println("  INTACT");
            return INTACT;
        }
        out.println("  BROKEN in chain " + status.chain()
                + (status.firstBrokenSeq() != null ? " at record " + status.firstBrokenSeq() : "")
                + (status.brokenCheckpoint() != null ? " (checkpoint " + status.brokenCheckpoint() + ")" : "")
                + ": " + status.reason());
        return BROKEN;
    }

    private static String value(Deque<String> rest, String option) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.pop();
    }
}
