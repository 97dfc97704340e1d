package dev.takedown.review;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A compliance officer's record that the competent authority was informed of a suspected criminal offence (DSA Art.
 * 18).
 *
 * @param reference  the notification's reference (the authority's case number, or ours), at most 200 characters
 * @param notifiedAt when the authority was informed; absent: now. Never in the future
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuthorityNotification(String reference, Instant notifiedAt) {}
