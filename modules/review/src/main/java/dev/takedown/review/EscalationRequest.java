package dev.takedown.review;

/**
 * A moderator hands a first review to the senior moderators.
 *
 * @param reason why (required, at most 2,000 characters); kept on the case history and in the ledger
 */
public record EscalationRequest(String reason) {}
