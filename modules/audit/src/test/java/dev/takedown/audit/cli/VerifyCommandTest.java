package dev.takedown.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.audit.internal.BundleFixture;
import dev.takedown.audit.internal.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line verifier on bundles and on a live database. */
class VerifyCommandTest {

    private static BundleFixture fixture;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeAll
    static void start(@TempDir Path keys) throws Exception {
        fixture = new BundleFixture(keys);
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
    }

    @Test
    void exportingTwiceGivesTheSameBytes() {
        byte[] first = fixture.bundle("case-b");
        assertThat(fixture.bundle("case-b")).isEqualTo(first);
        assertThat(fixture.trail().evidenceBundle("case-unknown")).isEmpty();
    }

    @Test
    void theBundleHoldsTheDocumentedEntriesInAFixedOrderWithFixedTimes() throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(fixture.bundle("case-b")))) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal()).isEqualTo(java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
                assertThat(entry.getExtra()).isNull();
                if (entry.getName().equals("evidence.jsonl")) {
                    assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8))
                            .contains("\"sha256\":\"" + "ab".repeat(32) + "\"");
                }
            }
            assertThat(names)
                    .startsWith(
                            "HOW-TO-VERIFY.txt",
                            "public-key.pem",
                            "tsa-certificates.pem",
                            "records.jsonl",
                            "evidence.jsonl",
                            "checkpoints.jsonl",
                            "inclusion-proofs.jsonl",
                            "consistency-proofs.jsonl");
            assertThat(names)
                    .anyMatch(n -> n.matches("checkpoints/chain-\\d+-size-\\d+\\.statement\\.json"))
                    .anyMatch(n -> n.endsWith(".sig"))
                    .anyMatch(n -> n.endsWith(".tst"));
        }
    }

    @Test
    void acceptsAnIntactBundleWhoseKeysAreVouchedForByTheirPublishedFingerprints() throws IOException {
        Path bundle = write("bundle.zip", fixture.bundle("case-b"));

        assertThat(run("--fingerprint", fixture.keyId(), "--fingerprint", fixture.rotatedKeyId(), bundle.toString()))
                .as(output())
                .isEqualTo(VerifyCommand.INTACT);
        assertThat(output())
                .contains("INTACT")
                .contains("proven included")
                .contains("timestamped")
                .contains("signature by key " + fixture.keyId())
                .contains("signature by key " + fixture.rotatedKeyId())
                .contains("trusted through CN=Loopback TSA CA")
                .doesNotContain("UNVERIFIED");
        assertThat(run(
                        "--public-key",
                        fixture.publicKeyFile().toString(),
                        "--tsa-certificate",
                        fixture.tsaCertificateFile().toString(),
                        bundle.toString()))
                .as(output())
                .isEqualTo(VerifyCommand.INTACT);
        assertThat(output()).contains("TSA certificates (pinned): CN=Loopback TSA CA");
    }

    @Test
    void aConsistentBundleWhoseKeysNobodyVouchedForIsAnUnverifiedSigner() throws Exception {
        // what a forger ships: a bundle that checks out against the key inside it
        Path bundle = write("bundle.zip", fixture.bundle("case-b"));

        assertThat(run(bundle.toString())).as(output()).isEqualTo(VerifyCommand.UNVERIFIED_SIGNER);
        assertThat(output())
                .contains("UNVERIFIED SIGNER")
                .contains(fixture.keyId())
                .doesNotContain("  INTACT");

        assertThat(run("--fingerprint", fixture.rotatedKeyId(), bundle.toString()))
                .as("one of the two signing keys is vouched for")
                .isEqualTo(VerifyCommand.UNVERIFIED_SIGNER);
        assertThat(output()).contains("UNVERIFIED SIGNER").contains(fixture.keyId());

        String someoneElses = SigningKey.keyId(SigningKey.publicKeyFromPem(BundleFixture.otherPublicKeyPem()));
        assertThat(run("--fingerprint", someoneElses, bundle.toString())).isEqualTo(VerifyCommand.UNVERIFIED_SIGNER);
        assertThat(run("--fingerprint", "not-a-fingerprint", bundle.toString())).isEqualTo(VerifyCommand.USAGE);
        assertThat(output()).contains("64 hex digits");
    }

    @Test
    void rejectsABundleWhoseTimestampsComeFromAnotherTsaThanThePinnedOne() throws Exception {
        Path other = write("other-tsa.pem", BundleFixture.otherTsaCertificatePem());

        assertThat(run(
                        "--tsa-certificate",
                        other.toString(),
                        write("b.zip", fixture.bundle("case-b")).toString()))
                .isEqualTo(VerifyCommand.BROKEN);
        assertThat(output())
                .contains("signed by CN=Loopback TSA, an untrusted TSA")
                .contains("CN=Other TSA CA");
    }

    @Test
    void aBundleSpanningAKeyRotationNeedsTheRetiredKeyToo() throws IOException {
        Path bundle = write("b.zip", fixture.bundle("case-b"));

        assertThat(run("--public-key", fixture.rotatedPublicKeyFile().toString(), bundle.toString()))
                .isEqualTo(VerifyCommand.BROKEN);
        assertThat(output()).contains("signed by unknown key " + fixture.keyId());
    }

    @Test
    void rejectsEveryOneByteChange() throws IOException {
        byte[] original = fixture.bundle("case-b");
        // every byte of a stored ZIP is either content, a checked header, or structure that must be canonical
        for (int at = 0; at < original.length; at += Math.max(1, original.length / 400)) {
            byte[] changed = original.clone();
            changed[at] ^= 0x01;
            Path bundle = write("changed.zip", changed);
            assertThat(run(bundle.toString())).as("byte %d: %s", at, output()).isEqualTo(VerifyCommand.BROKEN);
        }
    }

    @Test
    void rejectsARecordChangedInsideAWellFormedZip() throws IOException {
        var files = BundleFixture.entries(fixture.bundle("case-b"));
        files.put(
                "records.jsonl",
                new String(files.get("records.jsonl"), StandardCharsets.UTF_8)
                        .replaceFirst("\"actor\":\"mod-", "\"actor\":\"mallory-")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(run(write("forged.zip", BundleFixture.zip(files)).toString()))
                .isEqualTo(VerifyCommand.BROKEN);
        assertThat(output()).contains("hash does not match");
    }

    @Test
    void rejectsABundleSignedByAnotherKeyThanThePinnedOne() throws Exception {
        Path other = write("other.pem", BundleFixture.otherPublicKeyPem().getBytes(StandardCharsets.US_ASCII));

        assertThat(run(
                        "--public-key",
                        other.toString(),
                        write("b.zip", fixture.bundle("case-b")).toString()))
                .isEqualTo(VerifyCommand.BROKEN);
        assertThat(output()).contains("signed by unknown key");
    }

    @Test
    void verifiesALiveDatabaseAndNamesTheFirstBrokenRecord() {
        String key = fixture.publicKeyFile().toString();
        String tsa = fixture.tsaCertificateFile().toString();
        assertThat(run(
                        "--public-key",
                        key,
                        "--tsa-certificate",
                        tsa,
                        "--jdbc",
                        fixture.jdbcUrl(),
                        "--user",
                        "postgres",
                        "--password",
                        "postgres"))
                .as(output())
                .isEqualTo(VerifyCommand.INTACT);
        assertThat(run(
                        "--public-key",
                        key,
                        "--jdbc",
                        fixture.jdbcUrl(),
                        "--user",
                        "postgres",
                        "--password",
                        "postgres"))
                .as("stamped checkpoints need a trusted TSA")
                .isEqualTo(VerifyCommand.BROKEN);
        assertThat(output()).contains("untrusted TSA");

        fixture.tamperCaseB();
        try {
            assertThat(run(
                            "--public-key",
                            key,
                            "--tsa-certificate",
                            tsa,
                            "--jdbc",
                            fixture.jdbcUrl(),
                            "--user",
                            "postgres",
                            "--password",
                            "postgres"))
                    .isEqualTo(VerifyCommand.BROKEN);
            assertThat(output())
                    .contains("BROKEN in chain")
                    .contains("at record 2")
                    .contains("hash does not match");
        } finally {
            fixture.untamperCaseB();
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(VerifyCommand.USAGE);
        assertThat(output()).contains("usage:");
        assertThat(run("--jdbc")).isEqualTo(VerifyCommand.USAGE);
        assertThat(run("a.zip", "b.zip")).isEqualTo(VerifyCommand.USAGE);
        assertThat(run("--jdbc", "jdbc:postgresql://x/y", "a.zip")).isEqualTo(VerifyCommand.USAGE);
        assertThat(run(dir.resolve("missing.zip").toString())).isEqualTo(VerifyCommand.USAGE);
    }

    private int run(String... args) {
        output.reset();
        return VerifyCommand.run(args, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
