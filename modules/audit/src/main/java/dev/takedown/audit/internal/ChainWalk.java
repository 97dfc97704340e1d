package dev.takedown.audit.internal;

import dev.takedown.audit.LedgerRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Walks one chain from its genesis: each record must follow the previous one (seq + 1, prev_hash = its hash) and
 * hash to its stored hash (a format-4 payload, unless purged, must also match its commitment); the walk keeps the Merkle frontier so any checkpoint's root can be compared on the way.
 */
public final class ChainWalk {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MerkleTree.Frontier tree = new MerkleTree.Frontier();
    private final byte[] digest = new byte[32];
    /** The hash of the last record walked as hex ASCII: the next record's prevHash bytes. */
    private byte[] hex = LedgerEntry.GENESIS_HASH.getBytes(StandardCharsets.US_ASCII);

    private long seq;
    private String hash = LedgerEntry.GENESIS_HASH;

    /** Empty when {@code record} is the correct next record; otherwise what is wrong with it. */
    public Optional<String> add(LedgerRecord record) {
        if (record.seq() != seq + 1) {
            return Optional.of("record " + (seq + 1) + " is missing; the next one is " + record.seq());
        }
        if (!record.prevHash().equals(hash)) {
            return Optional.of("prev_hash does not match the hash of record " + seq);
        }
        LedgerEntry entry = LedgerEntry.of(record);
        if (!entry.payloadMatchesCommitment()) {
            return Optional.of("payload does not match its commitment (changed after it was recorded)");
        }
        entry.digestInto(digest, hex);
        byte[] computed = hex(digest);
        // ISO-8859-1 turns any character beyond Latin-1 into '?', which is no hex digit, so this is exact
        if (record.hash() == null || !Arrays.equals(computed, record.hash().getBytes(StandardCharsets.ISO_8859_1))) {
            return Optional.of("hash does not match the record's content");
        }
        hex = computed;
        seq = record.seq();
        hash = record.hash();
        if (record.format() >= 3) {
            tree.add(digest);
        } else {
            tree.addRecord(digest);
        }
        return Optional.empty();
    }

    /** Lower-case hex, the only form the appender writes. */
    private static byte[] hex(byte[] digest) {
        byte[] out = new byte[64];
        for (int i = 0; i < 32; i++) {
            out[2 * i] = HEX[digest[i] >> 4 & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return out;
    }

    public long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }

    /** The Merkle root over the records walked so far, hex; needs at least one. */
    public String root() {
        return HexFormat.of().formatHex(tree.root());
    }
}
