package dev.takedown.screening;

import dev.takedown.events.ScreeningRule;
import dev.takedown.events.SimilarUploads;

/** One change to the set of enforced measures; a batch of them becomes one new index snapshot. */
public sealed interface MeasureChange {

    String measureId();

    /** A filter measure: prompts and images are checked against {@code rule}. */
    record Apply(String measureId, String caseId, ScreeningRule rule) implements MeasureChange {}

    /** A measure on one target URL (e.g. a deletion). */
    record BlockUrl(String measureId, String targetUrl) implements MeasureChange {}

    /**
     * A re-upload block: the platform refuses a file (a model or LoRA) with this SHA-256; an upload under the blocked
     * model's name tokens ({@code modelName}, may be null) is answered as {@code similarUploads} says (null: REVIEW).
     */
    record BlockFile(String measureId, String caseId, String sha256, String modelName, SimilarUploads similarUploads)
            implements MeasureChange {

        public BlockFile(String measureId, String sha256) {
            this(measureId, null, sha256, null, null);
        }
    }

    /** The measure no longer applies, whatever kind it was. */
    record Lift(String measureId) implements MeasureChange {}
}
