package dev.takedown.audit.internal;

import dev.takedown.audit.AuditTrail;
import dev.takedown.events.TaskClaimed;
import dev.takedown.events.Topics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A ledger with three cases over two chains, two checkpoint rounds (the first time-stamped, the second pending and
 * signed by a rotated key), and records newer than the last checkpoint: every part of a bundle has something in it.
 */
public final class BundleFixture implements AutoCloseable {

    private final EmbeddedLedger ledger;
    private final LoopbackTsa tsa;
    private final SigningKey key;
    private final SigningKey rotatedKey;
    private final Path publicKey;
    private final Path rotatedPublicKey;
    private final Path tsaCertificate;
    private Checkpointer checkpointer;
    private final AuditTrail trail;
    private String tamperedActor;

    public BundleFixture(Path dir) throws Exception {
        ledger = new EmbeddedLedger();
        ledger.reset();
        tsa = new LoopbackTsa();
        key = SigningKey.load(dir.resolve("audit.pem"), true);
        rotatedKey = SigningKey.load(dir.resolve("audit-2.pem"), true);
        // the published keys: the retired one and its successor
        publicKey = Files.writeString(dir.resolve("audit.pub.pem"), key.publicKeyPem() + rotatedKey.publicKeyPem());
        rotatedPublicKey = Files.writeString(dir.resolve("audit-2.pub.pem"), rotatedKey.publicKeyPem());
        tsaCertificate = Files.write(dir.resolve("tsa-ca.pem"), tsa.trust().pem());
        LedgerAppender appender = new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(2));
        checkpointer = new Checkpointer(
                ledger.jdbc,
                ledger.transactions,
                true,
                Optional.of(key),
                List.of(),
                Optional.of(new TimestampAuthority(tsa.url(), Duration.ofSeconds(5), tsa.trust())),
                tsa.trust(),
                Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC));
        Checkpointer rotated = new Checkpointer(
                ledger.jdbc,
                ledger.transactions,
                true,
                Optional.of(rotatedKey),
                List.of(key.publicKey()),
                Optional.of(new TimestampAuthority(tsa.url(), Duration.ofSeconds(5), tsa.trust())),
                tsa.trust(),
                Clock.fixed(Instant.parse("2026-11-03T10:00:00Z"), ZoneOffset.UTC));
        trail = new AuditTrail(ledger.jdbc, ledger.transactions, rotated);
        for (int round = 0; round < 3; round++) {
            for (String caseId : new String[] {"case-a", "case-b", "case-c"}) {
                appender.append(ledger.record(
                        Topics.TASKS,
                        new TaskClaimed(
                                UUID.randomUUID(),
                                Instant.parse("2026-11-01T09:00:00Z").plusSeconds(round),
                                caseId,
                                "mod-" + round,
                                "task-" + round)));
            }
            if (round == 0) {
                appender.append(ledger.record(
                        Topics.NOTICE_EVENTS,
                        "{\"caseId\":\"case-b\",\"evidence\":[{\"kind\":" + "\"IMAGE\",\"sha256\":\"" + "ab".repeat(32)
                                + "\",\"url\":\"https://x.example/1\"}]}",
                        Map.of("ce_id", "evt-evidence", "ce_type", "dev.takedown.notice.received.v1")));
                checkpoint();
            }
            if (round == 1) {
                checkpointer = rotated;
                tsa.down.set(true);
                checkpoint();
                tsa.down.set(false);
            }
        }
    }

    private void checkpoint() {
        // stamping happens in the same run, so an outage during it leaves the new checkpoints pending
        checkpointer.run();
    }

    public byte[] bundle(String caseId) {
        tsa.down.set(true); // exporting must not depend on, or trigger, stamping
        try {
            return trail.evidenceBundle(caseId).orElseThrow();
        } finally {
            tsa.down.set(false);
        }
    }

    public AuditTrail trail() {
        return trail;
    }

    public String keyId() {
        return key.keyId();
    }

    public String rotatedKeyId() {
        return rotatedKey.keyId();
    }

    /** Both published keys, the retired one and the current one. */
    public Path publicKeyFile() {
        return publicKey;
    }

    public Path rotatedPublicKeyFile() {
        return rotatedPublicKey;
    }

    /** The loopback TSA's CA certificate, as it would be published. */
    public Path tsaCertificateFile() {
        return tsaCertificate;
    }

    /** The CA certificate of another TSA, which this ledger does not trust. */
    public static byte[] otherTsaCertificatePem() throws Exception {
        try (LoopbackTsa other = new LoopbackTsa("CN=Other TSA", false)) {
            return other.trust().pem();
        }
    }

    public String jdbcUrl() {
        return ledger.postgres.getJdbcUrl("postgres", "postgres").replaceAll("[?&](user|password)=[^&]*", "");
    }

    public void tamperCaseB() {
        tamperedActor = ledger.jdbc.queryForObject(
                "select actor from audit_ledger where case_id = 'case-b'" + " and seq = 2", String.class);
        ledger.tamper("update audit_ledger set actor = 'mallory' where case_id = 'case-b' and seq = 2");
    }

    public void untamperCaseB() {
        ledger.tamper("update audit_ledger set actor = ? where case_id = 'case-b' and seq = 2", tamperedActor);
    }

    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static byte[] zip(Map<String, byte[]> files) {
        return EvidenceBundle.zip(files);
    }

    public static String otherPublicKeyPem() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        return new SigningKey(pair.getPrivate(), pair.getPublic()).publicKeyPem();
    }

    @Override
    public void close() throws IOException {
        tsa.close();
        ledger.close();
    }
}
