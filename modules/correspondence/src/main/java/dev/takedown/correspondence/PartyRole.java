package dev.takedown.correspondence;

/** Which side of a case a letter is for. */
public enum PartyRole {
    /** The rights holder or other notifier. */
    NOTIFIER,
    /** The platform user whose content the notice names. */
    UPLOADER
}
