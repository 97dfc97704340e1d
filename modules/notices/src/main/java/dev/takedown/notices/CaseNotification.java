package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A message the case sent to one party. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseNotification(
        String notificationId,
        String recipient,
        String kind,
        String subject,
        String body,
        String link,
        Instant createdAt) {}
