package dev.takedown.measures;

import dev.takedown.events.LiftCause;

/**
 * What one measure restricts, where and for how long, and whether and why it stopped: the facts item (a) of a
 * statement of reasons is written from (DSA Art. 17(3)(a)).
 *
 * @param targetUrl the content it acts on; null for a filter, which acts on every generation request it matches
 * @param liftCause why it stopped restricting; null while it has not
 */
public record MeasureRestriction(
        String measureId,
        MeasureType type,
        String targetUrl,
        MeasureStatus status,
        MeasureScope scope,
        LiftCause liftCause) {}
