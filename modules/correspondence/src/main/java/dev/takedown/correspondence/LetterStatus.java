package dev.takedown.correspondence;

/**
 * Where a letter is on its way: {@code QUEUED} → {@code SENT} (the recipient's server accepted it) →
 * {@code DELIVERED} (receipt, deemed or confirmed), or {@code BOUNCED} (refused at once, or a delivery status
 * notification came back), or {@code FAILED} (transient errors until the last attempt). {@code NOT_SENT}: kept on the
 * case only, because the party has no e-mail address.
 */
public enum LetterStatus {
    QUEUED,
    SENT,
    DELIVERED,
    BOUNCED,
    FAILED,
    NOT_SENT;

    /** Whether the letter has not reached its recipient and nobody is trying any more. */
    public boolean undelivered() {
        return this == BOUNCED || this == FAILED || this == NOT_SENT;
    }
}
