package dev.takedown.screening;

import dev.takedown.events.ScreeningRule;

/** One change to the set of enforced measures; a batch of them becomes one new index snapshot. */
public sealed interface MeasureChange {

    String measureId();

    /** A filter measure: prompts and images are checked against {@code rule}. */
    record Apply(String measureId, String caseId, ScreeningRule rule) implements MeasureChange {}

    /** A measure on one target URL (e.g. a deletion). */
    record BlockUrl(String measureId, String targetUrl) implements MeasureChange {}

    /** A re-upload block: the platform refuses a file (a model or LoRA) with this SHA-256. */
    record BlockFile(String measureId, String sha256) implements MeasureChange {}

    /** The measure no longer applies, whatever kind it was. */
    record Lift(String measureId) implements MeasureChange {}
}
