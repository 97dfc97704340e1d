package dev.takedown.remediation;

/**
 * Whether a change's added terms widen the case's filter measures, and what a moderator made of it: {@code NONE}
 * when they widen nothing (no terms, or every filter has them already), else pending until approved or refused.
 */
public enum WideningReview {
    NONE,
    PENDING,
    APPROVED,
    REFUSED
}
