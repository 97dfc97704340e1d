package dev.takedown.audit.internal;

/**
 * A record the ledger will not record however often it is retried: not an event we publish on that topic, or with a
 * value no column can hold. Its {@link #index} is its position in the batch, so only it is dead-lettered.
 */
public class RecordRejected extends RuntimeException {

    private final int index;

    RecordRejected(String reason) {
        this(reason, -1, null);
    }

    RecordRejected(String reason, int index, Throwable cause) {
        super(reason, cause);
        this.index = index;
    }

    RecordRejected at(int index) {
        return new RecordRejected(getMessage(), index, getCause());
    }

    /** Position of the rejected record in the batch passed to {@link LedgerAppender#appendAll}. */
    public int index() {
        return index;
    }
}
