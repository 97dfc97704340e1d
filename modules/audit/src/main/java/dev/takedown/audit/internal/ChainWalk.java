package dev.takedown.audit.internal;

import dev.takedown.audit.LedgerRecord;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Walks one chain from its genesis: each record must follow the previous one (seq + 1, prev_hash = its hash) and
 * hash to its stored hash; the walk keeps the Merkle frontier so any checkpoint's root can be compared on the way.
 */
public final class ChainWalk {

    private final MerkleTree.Frontier tree = new MerkleTree.Frontier();
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
        // raw bytes: no hex string per record
        byte[] stored = stored(record.hash());
        if (stored == null || !MessageDigest.isEqual(LedgerEntry.of(record).digest(), stored)) {
            return Optional.of("hash does not match the record's content");
        }
        seq = record.seq();
        hash = record.hash();
        tree.add(MerkleTree.leafHash(stored));
        return Optional.empty();
    }

    /** The stored hash as bytes; null unless it is 64 lower-case hex digits, the only form the appender writes. */
    private static byte[] stored(String hex) {
        if (hex == null || hex.length() != 64) {
            return null;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return null;
            }
        }
        return HexFormat.of().parseHex(hex);
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
