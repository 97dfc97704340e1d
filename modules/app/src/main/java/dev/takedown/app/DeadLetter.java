package dev.takedown.app;

import java.time.Instant;
import java.util.UUID;

/**
 * A dead-lettered record as the page shows it.
 *
 * @param preview the start of the value as text, at most {@link DeadLetterRecords#PREVIEW} characters, control
 *                characters shown as Java escapes; the page escapes it as any text
 * @param size    the value's length in bytes; -1 for no value
 */
public record DeadLetter(
        UUID id,
        String topic,
        int partition,
        long offset,
        String key,
        String reason,
        String consumerGroup,
        Instant deadAt,
        DeadLetterStatus status,
        String preview,
        int size,
        String resolvedBy,
        Instant resolvedAt,
        String note) {

    public boolean open() {
        return status == DeadLetterStatus.OPEN;
    }
}
