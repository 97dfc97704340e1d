package dev.takedown.works;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A protected work as its rights holder registers it: every way people name it, descriptive combinations, reference
 * images and the licensees who may still generate it. Filter measures compile from it (the Ultraman remedy: block
 * normal prompts, not only the literal name).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkDefinition(
        String title,
        List<String> terms,
        List<Combination> combinations,
        List<String> licensees,
        List<String> imageHashes,
        List<String> replayPrompts,
        Boolean wellKnown) {

    static final int MAX_TERMS = 10_000;

    public WorkDefinition {
        terms = terms == null ? List.of() : terms;
        combinations = combinations == null ? List.of() : combinations;
        licensees = licensees == null ? List.of() : licensees;
        imageHashes = imageHashes == null ? List.of() : imageHashes;
        replayPrompts = replayPrompts == null ? List.of() : replayPrompts;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Combination(List<String> phrases, Integer atLeast, Integer windowWords) {}

    /** Every problem of the definition, named by field; empty when it can be registered. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "the work's title is required"));
        }
        TextBounds.requireWithin("title", title, 1000, problems);
        if (replayPrompts.size() > 1000) {
            problems.add(new FieldProblem("replay_prompts", "at most 1000 prompts"));
        }
        for (int i = 0; i < replayPrompts.size(); i++) {
            TextBounds.requireWithin("replay_prompts[" + i + "]", replayPrompts.get(i), 2000, problems);
        }
        for (int i = 0; i < licensees.size(); i++) {
            TextBounds.requireWithin("licensees[" + i + "]", licensees.get(i), 200, problems);
        }
        if (terms.isEmpty() && imageHashes.isEmpty() && combinations.isEmpty()) {
            problems.add(new FieldProblem("terms", "name at least one term, combination or reference image hash"));
        }
        if (terms.size() > MAX_TERMS) {
            problems.add(new FieldProblem("terms", "at most " + MAX_TERMS + " terms per work"));
        }
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) == null || terms.get(i).isBlank() || terms.get(i).length() > 200) {
                problems.add(new FieldProblem("terms[" + i + "]", "a term is 1 to 200 characters"));
            }
        }
        for (int i = 0; i < combinations.size(); i++) {
            Combination c = combinations.get(i);
            String at = "combinations[" + i + "]";
            if (c == null || c.phrases() == null || c.phrases().size() < 2) {
                problems.add(new FieldProblem(at + ".phrases", "a combination needs at least two phrases"));
                continue;
            }
            if (c.atLeast() == null
                    || c.atLeast() < 2
                    || c.atLeast() > c.phrases().size()) {
                problems.add(new FieldProblem(at + ".at_least", "between 2 and the number of phrases"));
            }
            if (c.windowWords() == null || c.windowWords() < 1 || c.windowWords() > 50) {
                problems.add(new FieldProblem(at + ".window_words", "between 1 and 50 words"));
            }
        }
        for (int i = 0; i < imageHashes.size(); i++) {
            if (!isPdqHash(imageHashes.get(i))) {
                problems.add(new FieldProblem("image_hashes[" + i + "]", "a PDQ hash is 64 hexadecimal characters"));
            }
        }
        for (int i = 0; i < licensees.size(); i++) {
            if (licensees.get(i) == null || licensees.get(i).isBlank()) {
                problems.add(new FieldProblem("licensees[" + i + "]", "a licensee is an account id"));
            }
        }
        return problems;
    }

    private static boolean isPdqHash(String hash) {
        if (hash == null || hash.length() != 64) {
            return false;
        }
        try {
            HexFormat.of().parseHex(hash);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
