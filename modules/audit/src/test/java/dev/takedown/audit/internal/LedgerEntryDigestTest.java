package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.audit.ActorType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The verifier's allocation-free hashing gives exactly the bytes of the documented preimage. */
class LedgerEntryDigestTest {

    @Test
    void instantsAreWrittenAsInstantToStringWrites() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(-62_167_219_200L, 253_402_300_799L);
            int nano =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant at = Instant.ofEpochSecond(second, nano);
            StringBuilder out = new StringBuilder();
            IsoInstant.append(at, out);
            assertThat(out.toString()).isEqualTo(at.toString());
            assertThat(ascii(at)).isEqualTo(at.toString());
        }
        for (Instant edge : new Instant[] {
            Instant.EPOCH,
            Instant.MAX,
            Instant.MIN,
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z")
        }) {
            StringBuilder out = new StringBuilder();
            IsoInstant.append(edge, out);
            assertThat(out.toString()).isEqualTo(edge.toString());
            assertThat(ascii(edge)).isEqualTo(edge.toString());
        }
    }

    private static String ascii(Instant at) {
        Utf8Buffer out = new Utf8Buffer();
        out.instant(at);
        return new String(out.bytes(), 0, out.length(), StandardCharsets.US_ASCII);
    }

    @Test
    void fieldsNeedingEscapesOrNonAsciiBytesHashAsThePreimageText() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        String[] awkward = {
            "plain", "quote \" and \\ back", "tab\tnew\nline\u0001", "é", "奥特曼", "😀", "\uD800", "", "x".repeat(5_000)
        };
        for (String text : awkward) {
            LedgerEntry entry = new LedgerEntry(
                    2,
                    Integer.MAX_VALUE,
                    Long.MAX_VALUE,
                    text,
                    text,
                    text,
                    text,
                    text,
                    ActorType.HUMAN,
                    text,
                    text,
                    Instant.parse("1970-01-01T00:00:00.000000001Z"),
                    "{\"t\":\"" + text + "\"}",
                    "f".repeat(64));
            assertThat(entry.digest())
                    .as(text)
                    .isEqualTo(sha256.digest(entry.preimage().getBytes(StandardCharsets.UTF_8)));
            LedgerEntry current = new LedgerEntry(
                    3,
                    1,
                    2,
                    text,
                    text,
                    text,
                    text,
                    text,
                    ActorType.HUMAN,
                    text,
                    text,
                    Instant.parse("2026-11-01T09:00:00Z"),
                    "[\"" + text + "\"]",
                    text);
            assertThat(current.digest())
                    .as(text)
                    .isEqualTo(sha256.digest(("\0" + current.preimage()).getBytes(StandardCharsets.UTF_8)));
            assertThat(LedgerEntry.leaf(3, current.digest())).isEqualTo(current.digest());
            LedgerEntry committed = LedgerEntry.committed(
                    1,
                    3,
                    text,
                    text,
                    text,
                    text,
                    text,
                    ActorType.HUMAN,
                    text,
                    text,
                    Instant.parse("2026-11-01T09:00:00Z"),
                    "[\"" + text + "\"]",
                    "a".repeat(64));
            assertThat(committed.digest())
                    .as(text)
                    .isEqualTo(sha256.digest(("\0" + committed.preimage()).getBytes(StandardCharsets.UTF_8)));
            assertThat(committed.preimage())
                    .contains("\"payloadCommitment\":\"" + committed.payloadCommitment() + "\"")
                    .doesNotContain("\"payload\":");
            sha256.update(HexFormat.of().parseHex(committed.payloadSalt()));
            assertThat(committed.payloadCommitment())
                    .isEqualTo(HexFormat.of()
                            .formatHex(sha256.digest(committed.payload().getBytes(StandardCharsets.UTF_8))));
            assertThat(committed.payloadMatchesCommitment()).isTrue();
            LedgerEntry purged = new LedgerEntry(
                    4,
                    1,
                    3,
                    text,
                    text,
                    text,
                    text,
                    text,
                    ActorType.HUMAN,
                    text,
                    text,
                    committed.occurredAt(),
                    null,
                    "a".repeat(64),
                    null,
                    committed.payloadCommitment());
            assertThat(purged.payloadMatchesCommitment()).isTrue();
            assertThat(purged.digest()).as("a purged record hashes as before").isEqualTo(committed.digest());
            LedgerEntry changed = new LedgerEntry(
                    4,
                    1,
                    3,
                    text,
                    text,
                    text,
                    text,
                    text,
                    ActorType.HUMAN,
                    text,
                    text,
                    committed.occurredAt(),
                    "[\"" + text + "!\"]",
                    "a".repeat(64),
                    committed.payloadSalt(),
                    committed.payloadCommitment());
            assertThat(changed.payloadMatchesCommitment()).isFalse();
            LedgerEntry old = new LedgerEntry(
                    1,
                    0,
                    1,
                    text,
                    text,
                    text,
                    null,
                    text,
                    ActorType.AUTOMATED,
                    null,
                    null,
                    Instant.parse("+10000-01-01T00:00:00Z"),
                    "\"" + text + "\"",
                    "0".repeat(64));
            assertThat(old.digest())
                    .as(text)
                    .isEqualTo(sha256.digest(old.preimage().getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void digestIsSha256OfTheUtf8Preimage() throws Exception {
        // ASCII, two- and three-byte characters, a surrogate pair, and a lone surrogate (which UTF-8 turns into '?')
        String payload = "{\"note\":\"é 奥特曼 😀\",\"raw\":\"\uD800x\"}";
        LedgerEntry entry = new LedgerEntry(
                2,
                3,
                7,
                "evt-1",
                "takedown.tasks",
                "dev.takedown.task.claimed.v1",
                "case-ü",
                "mod-1",
                ActorType.HUMAN,
                null,
                "2026-11-01",
                Instant.parse("2026-03-01T10:00:00.000123Z"),
                payload,
                "0".repeat(64));

        byte[] expected =
                MessageDigest.getInstance("SHA-256").digest(entry.preimage().getBytes(StandardCharsets.UTF_8));

        assertThat(entry.digest()).isEqualTo(expected);
        assertThat(entry.hash()).isEqualTo(HexFormat.of().formatHex(expected));
        // a payload larger than the reused buffers
        LedgerEntry big = new LedgerEntry(
                2,
                0,
                1,
                "evt-2",
                "t",
                "x",
                null,
                "system",
                ActorType.AUTOMATED,
                null,
                null,
                Instant.EPOCH,
                "\"" + "奥".repeat(40_000) + "\"",
                "0".repeat(64));
        assertThat(big.digest())
                .isEqualTo(MessageDigest.getInstance("SHA-256")
                        .digest(big.preimage().getBytes(StandardCharsets.UTF_8)));
    }
}
