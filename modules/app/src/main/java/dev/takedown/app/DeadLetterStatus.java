package dev.takedown.app;

/** Where a dead letter stands: waiting for someone, sent again to its topic, or given up with a reason. */
public enum DeadLetterStatus {
    OPEN,
    REPLAYED,
    DISCARDED
}
