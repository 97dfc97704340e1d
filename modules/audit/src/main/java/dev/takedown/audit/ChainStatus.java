package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Outcome of recomputing the ledger: every chain's links and record hashes, every checkpoint's Merkle root,
 * signature and timestamp token. {@code records} and {@code checkpoints} count what the ledger holds;
 * {@code pendingTimestamps} counts checkpoints still waiting for their RFC 3161 token (not a break). When broken,
 * {@code chain} with {@code firstBrokenSeq} names the first bad record and/or {@code brokenCheckpoint} the tree size
 * of the first bad checkpoint of that chain; {@code reason} says what is wrong. All four are null when intact.
 * {@code purged} lists, per record class and day, how many records had their content purged under retention: they
 * verify through their payload commitments, so this is information, not a break.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChainStatus(
        boolean intact,
        long records,
        long checkpoints,
        long pendingTimestamps,
        Integer chain,
        Long firstBrokenSeq,
        Long brokenCheckpoint,
        String reason,
        List<String> purged) {

    public static ChainStatus intact(long records, long checkpoints, long pendingTimestamps) {
        return new ChainStatus(true, records, checkpoints, pendingTimestamps, null, null, null, null, List.of());
    }

    public ChainStatus broken(Integer chain, Long firstBrokenSeq, Long brokenCheckpoint, String reason) {
        return new ChainStatus(
                false,
                records,
                checkpoints,
                pendingTimestamps,
                chain,
                firstBrokenSeq,
                brokenCheckpoint,
                reason,
                purged);
    }

    public ChainStatus withPurged(List<String> purged) {
        return new ChainStatus(
                intact,
                records,
                checkpoints,
                pendingTimestamps,
                chain,
                firstBrokenSeq,
                brokenCheckpoint,
                reason,
                List.copyOf(purged));
    }
}
