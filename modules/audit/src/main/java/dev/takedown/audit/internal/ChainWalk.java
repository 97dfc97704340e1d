package dev.takedown.audit.internal;

import dev.takedown.audit.LedgerRecord;
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
        if (!LedgerEntry.of(record).hash().equals(record.hash())) {
            return Optional.of("hash does not match the record's content");
        }
        seq = record.seq();
        hash = record.hash();
        tree.add(MerkleTree.leafHash(HexFormat.of().parseHex(hash)));
        return Optional.empty();
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
