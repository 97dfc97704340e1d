package dev.takedown.events;

import java.util.List;

/**
 * What a filter measure ({@code PROMPT_FILTER}, {@code OUTPUT_SIMILARITY_FILTER}) blocks. It travels inside
 * {@link MeasureApplied} on the compacted measures topic, so a screening node rebuilds its whole index from Kafka
 * alone and never reads the database.
 *
 * @param workTitle     the protected work, for the risk warning shown to the user
 * @param terms         names, aliases, translations, transliterations, character names (matched after normalisation)
 * @param combinations  descriptive combinations, e.g. any 2 of {giant, red and silver, colour timer} within 8 words
 * @param licensees     account ids that may still generate the work
 * @param imageHashes   PDQ hashes (64 hex characters) of reference images
 * @param replayPrompts normal-use prompts that must stay blocked (the measure's replay suite)
 */
public record ScreeningRule(
        String workTitle,
        List<String> terms,
        List<Combination> combinations,
        List<String> licensees,
        List<String> imageHashes,
        List<String> replayPrompts) {

    public ScreeningRule {
        terms = terms == null ? List.of() : List.copyOf(terms);
        combinations = combinations == null ? List.of() : List.copyOf(combinations);
        licensees = licensees == null ? List.of() : List.copyOf(licensees);
        imageHashes = imageHashes == null ? List.of() : List.copyOf(imageHashes);
        replayPrompts = replayPrompts == null ? List.of() : List.copyOf(replayPrompts);
    }

    /** At least {@code atLeast} of {@code phrases} within {@code windowWords} words of each other. */
    public record Combination(List<String> phrases, int atLeast, int windowWords) {

        public Combination {
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
        }
    }
}
