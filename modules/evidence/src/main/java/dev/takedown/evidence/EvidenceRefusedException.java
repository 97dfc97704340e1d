package dev.takedown.evidence;

/**
 * An upload refused as a whole: nothing of the request was linked to the case. {@code field} names the multipart
 * field at fault ({@code file}, or {@code file[2]} for the third of several).
 */
public class EvidenceRefusedException extends RuntimeException {

    public enum Reason {
        /** No file, or a file of zero bytes. */
        EMPTY,
        /** A file over the size limit. */
        TOO_LARGE,
        /** More files than one request or one case may hold. */
        TOO_MANY,
        /** The detected type is not on the allowlist. */
        TYPE_REFUSED,
        /** A ZIP with unsafe names, too many entries, too much inflated data or an unreadable structure. */
        UNSAFE_ARCHIVE
    }

    private final Reason reason;
    private final String field;

    public EvidenceRefusedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
