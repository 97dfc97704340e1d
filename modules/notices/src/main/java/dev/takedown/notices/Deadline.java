package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A deadline running on a case, as its readers see it.
 *
 * @param name     which deadline
 * @param at       when it falls, as the engine will act on it
 * @param legalAt  when the rule puts it; differs from {@code at} only where a demo compresses time
 * @param rule     the law or policy that computed it
 * @param calendar the calendar it was counted on (days, business days, months; the zone whose days counted)
 * @param party    who may act before it falls
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Deadline(DeadlineKind name, Instant at, Instant legalAt, String rule, String calendar, Party party) {}
