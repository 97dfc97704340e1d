package dev.takedown.screening;

/** What the platform should do with a generation request or an image. */
public enum Decision {
    /** No active measure applies (or the account is a licensee of every one that matched). */
    ALLOW,
    /** Only a descriptive combination matched: hold for a human. */
    REVIEW,
    /** A protected name or a reference image matched. */
    BLOCK
}
