package dev.takedown.correspondence;

/** Why a letter counts as delivered. */
public enum DeliveryBasis {
    /** The recipient opened the letter's link. */
    RECEIPT,
    /** The configured time after the mail server accepted it passed without a bounce. */
    DEEMED,
    /** A moderator recorded that it reached the recipient another way. */
    CONFIRMED
}
