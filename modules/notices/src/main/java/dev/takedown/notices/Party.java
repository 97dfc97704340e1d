package dev.takedown.notices;

/** Who may act on a case, or whom a deadline binds. */
public enum Party {
    /** The rights holder who filed the notice. */
    NOTIFIER,
    /** Whoever provided the content the notice is about. */
    UPLOADER,
    /** The platform itself: its moderators, its compliance officers, its engine. */
    PLATFORM
}
