package dev.takedown.screening.internal;

import dev.takedown.events.ScreeningRule;
import dev.takedown.screening.PdqHash;
import java.util.List;
import java.util.Set;

/**
 * A filter measure with its terms already normalised, so that rebuilding the index after a change only assembles
 * the automaton and never re-runs ICU over every active measure.
 */
public record CompiledMeasure(
        String measureId,
        String caseId,
        String workTitle,
        List<Term> terms,
        List<Combination> combinations,
        Set<String> licensees,
        List<PdqHash> imageHashes,
        List<String> replayPrompts) {

    /** A term and the compact forms it is matched in. */
    public record Term(String term, List<String> variants) {}

    /** A descriptive combination with each phrase's compact forms. */
    public record Combination(List<Term> phrases, int atLeast, int windowWords) {}

    /** Normalises the rule's terms and phrases; invalid image hashes are rejected here, before any index change. */
    public static CompiledMeasure compile(String measureId, String caseId, ScreeningRule rule, Normaliser normaliser) {
        List<Term> terms = rule.terms().stream()
                .filter(t -> t != null && !t.isBlank())
                .map(t -> new Term(t, normaliser.variants(t)))
                .filter(t -> !t.variants().isEmpty())
                .toList();
        List<Combination> combinations = rule.combinations().stream()
                .map(c -> new Combination(
                        c.phrases().stream()
                                .filter(p -> p != null && !p.isBlank())
                                .map(p -> new Term(p, normaliser.variants(p)))
                                .filter(t -> !t.variants().isEmpty())
                                .toList(),
                        Math.max(1, c.atLeast()),
                        c.windowWords()))
                .filter(c -> !c.phrases().isEmpty())
                .toList();
        List<PdqHash> hashes = rule.imageHashes().stream().map(PdqHash::fromHex).toList();
        String title = rule.workTitle() == null || rule.workTitle().isBlank() ? measureId : rule.workTitle();
        List<String> replay = rule.replayPrompts().stream()
                .filter(p -> p != null && !p.isBlank())
                .toList();
        return new CompiledMeasure(
                measureId, caseId, title, terms, combinations, Set.copyOf(rule.licensees()), hashes, replay);
    }
}
