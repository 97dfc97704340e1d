package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Outcome of recomputing the ledger's hash chain. {@code records} is the number of records in the ledger;
 * {@code firstBrokenSeq} and {@code reason} are null when the chain is intact.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChainStatus(boolean intact, long records, Long firstBrokenSeq, String reason) {

    public static ChainStatus intact(long records) {
        return new ChainStatus(true, records, null, null);
    }

    public static ChainStatus broken(long records, Long firstBrokenSeq, String reason) {
        return new ChainStatus(false, records, firstBrokenSeq, reason);
    }
}
