package dev.takedown.screening.internal;

import dev.takedown.screening.Decision;
import dev.takedown.screening.MatchedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One immutable automaton over every term variant and combination phrase of every active filter measure. A prompt
 * is scanned once whatever the number of measures. The automaton is {@link TermMatcher} (why not a library: see
 * there).
 */
public final class PromptIndex {

    /**
     * Terms shorter than this must end at a word end in the prompt, so that "dyna" is not found in "dynamic"; longer
     * ones may run into a suffix ("ultramans"). Every match must start at a word start.
     */
    static final int SUFFIX_TOLERANT_LENGTH = 5;

    /** Which measure's term ({@code combination < 0}) or combination phrase a pattern stands for. */
    private record Ref(int measure, int combination, int item) {}

    /** The outcome before the engine words it for the user. */
    public record Result(
            Decision decision,
            List<CompiledMeasure> matched,
            List<MatchedSpan> spans,
            List<String> licensed,
            List<CompiledMeasure> blocking) {}

    private static final Result ALLOW = new Result(Decision.ALLOW, List.of(), List.of(), List.of(), List.of());

    /** Collects the automaton's hits into a reused per-thread buffer: no allocation while a prompt has none. */
    private static final class Hits implements TermMatcher.Sink {
        Normaliser.Scratch text;
        int[] hits = new int[3 * 64];
        int count;

        @Override
        public void hit(int from, int end, int pattern) {
            if (text.startsWord(from) && (text.endsWord(end) || end - from >= SUFFIX_TOLERANT_LENGTH)) {
                if (count + 3 > hits.length) {
                    hits = java.util.Arrays.copyOf(hits, hits.length * 2);
                }
                hits[count++] = from;
                hits[count++] = end;
                hits[count++] = pattern;
            }
        }
    }

    private static final ThreadLocal<Hits> HITS = ThreadLocal.withInitial(Hits::new);

    private final List<CompiledMeasure> measures;
    private final TermMatcher automaton;
    private final Ref[][] refs;

    public PromptIndex(List<CompiledMeasure> measures) {
        this.measures = List.copyOf(measures);
        Map<String, Integer> ids = new HashMap<>();
        List<List<Ref>> refsByPattern = new ArrayList<>();
        for (int m = 0; m < this.measures.size(); m++) {
            CompiledMeasure measure = this.measures.get(m);
            for (int t = 0; t < measure.terms().size(); t++) {
                for (String variant : measure.terms().get(t).variants()) {
                    register(variant, new Ref(m, -1, t), ids, refsByPattern);
                }
            }
            for (int c = 0; c < measure.combinations().size(); c++) {
                List<CompiledMeasure.Term> phrases =
                        measure.combinations().get(c).phrases();
                for (int p = 0; p < phrases.size(); p++) {
                    for (String variant : phrases.get(p).variants()) {
                        register(variant, new Ref(m, c, p), ids, refsByPattern);
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            this.automaton = null;
        } else {
            String[] patterns = new String[ids.size()];
            ids.forEach((variant, id) -> patterns[id] = variant);
            this.automaton = new TermMatcher(List.of(patterns));
        }
        this.refs = refsByPattern.stream().map(r -> r.toArray(Ref[]::new)).toArray(Ref[][]::new);
    }

    private static void register(String variant, Ref ref, Map<String, Integer> ids, List<List<Ref>> refs) {
        int id = ids.computeIfAbsent(variant, v -> {
            refs.add(new ArrayList<>());
            return refs.size() - 1;
        });
        if (!refs.get(id).contains(ref)) {
            refs.get(id).add(ref);
        }
    }

    public int measureCount() {
        return measures.size();
    }

    public List<CompiledMeasure> measures() {
        return measures;
    }

    /** Whether this index BLOCKs {@code prompt} for {@code measure} (a replay check: no account, no licence). */
    public boolean blocks(CompiledMeasure measure, String prompt, Normaliser.Scratch text) {
        return check(prompt, text, null).blocking().contains(measure);
    }

    /**
     * {@code text} is {@code original} normalised by this thread (it is read before this returns). A prompt without
     * hits allocates nothing; one with hits allocates only its result's parts (no boxing, no streams), since this
     * path sits in front of every generation request and its garbage lands in the latency tail.
     */
    public Result check(String original, Normaliser.Scratch text, String accountId) {
        if (automaton == null) {
            return ALLOW;
        }
        Hits collector = HITS.get();
        collector.text = text;
        collector.count = 0;
        try {
            automaton.scan(text.text, text.length, collector);
        } finally {
            collector.text = null;
        }
        int count = collector.count;
        if (count == 0) {
            return ALLOW;
        }
        int[] raw = collector.hits;
        Ints blocking = new Ints();
        Ints licensed = new Ints();
        // a set: a long prompt may repeat a term thousands of times
        Set<MatchedSpan> spans = new LinkedHashSet<>();
        Map<Long, List<PhraseHit>> phraseHits = null;
        for (int k = 0; k < count; k += 3) {
            int from = raw[k];
            int to = raw[k + 1];
            for (Ref ref : refs[raw[k + 2]]) {
                CompiledMeasure measure = measures.get(ref.measure);
                if (accountId != null && measure.licensees().contains(accountId)) {
                    licensed.add(ref.measure);
                    continue;
                }
                int start = text.start(from);
                int end = text.end(to - 1);
                if (ref.combination < 0) {
                    blocking.add(ref.measure);
                    spans.add(new MatchedSpan(
                            measure.measureId(),
                            start,
                            end,
                            original.substring(start, end),
                            measure.terms().get(ref.item).term(),
                            MatchedSpan.TERM));
                } else {
                    String phrase = measure.combinations()
                            .get(ref.combination)
                            .phrases()
                            .get(ref.item)
                            .term();
                    if (phraseHits == null) {
                        phraseHits = new HashMap<>();
                    }
                    phraseHits
                            .computeIfAbsent(((long) ref.measure << 32) | ref.combination, key -> new ArrayList<>())
                            .add(new PhraseHit(
                                    ref.item,
                                    text.word(from),
                                    new MatchedSpan(
                                            measure.measureId(),
                                            start,
                                            end,
                                            original.substring(start, end),
                                            phrase,
                                            MatchedSpan.COMBINATION)));
                }
            }
        }
        Ints reviewing = new Ints();
        if (phraseHits != null) {
            phraseHits.forEach((key, found) -> {
                int m = (int) (key >>> 32);
                CompiledMeasure.Combination combination =
                        measures.get(m).combinations().get((int) (long) key);
                List<PhraseHit> window = satisfied(combination, found);
                if (!window.isEmpty()) {
                    reviewing.add(m);
                    window.forEach(h -> spans.add(h.span));
                }
            });
        }
        Decision decision = blocking.size > 0 ? Decision.BLOCK : reviewing.size > 0 ? Decision.REVIEW : Decision.ALLOW;
        List<String> licensedIds = new ArrayList<>(licensed.size);
        for (int i = 0; i < licensed.size; i++) {
            int m = licensed.values[i];
            if (!blocking.contains(m) && !reviewing.contains(m)) {
                licensedIds.add(measures.get(m).measureId());
            }
        }
        licensedIds.sort(null);
        Ints union = new Ints();
        List<CompiledMeasure> blocks = new ArrayList<>(blocking.size);
        for (int i = 0; i < blocking.size; i++) {
            union.add(blocking.values[i]);
            blocks.add(measures.get(blocking.values[i]));
        }
        for (int i = 0; i < reviewing.size; i++) {
            union.add(reviewing.values[i]);
        }
        List<CompiledMeasure> matched = new ArrayList<>(union.size);
        for (int i = 0; i < union.size; i++) {
            matched.add(measures.get(union.values[i]));
        }
        List<MatchedSpan> sorted = new ArrayList<>(spans);
        sorted.sort(SPAN_ORDER);
        return new Result(decision, matched, sorted, licensedIds, blocks);
    }

    private static final Comparator<MatchedSpan> SPAN_ORDER =
            Comparator.comparingInt(MatchedSpan::start).thenComparingInt(MatchedSpan::end);

    /** A sorted set of small ints (measure indexes; a prompt matches few). */
    private static final class Ints {
        int[] values = new int[4];
        int size;

        void add(int value) {
            int at = java.util.Arrays.binarySearch(values, 0, size, value);
            if (at >= 0) {
                return;
            }
            at = -at - 1;
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(values, at, values, at + 1, size - at);
            values[at] = value;
            size++;
        }

        boolean contains(int value) {
            return java.util.Arrays.binarySearch(values, 0, size, value) >= 0;
        }
    }

    private record PhraseHit(int phrase, int word, MatchedSpan span) {}

    /** The hits of the first window of {@code windowWords} words holding {@code atLeast} distinct phrases. */
    private static List<PhraseHit> satisfied(CompiledMeasure.Combination combination, List<PhraseHit> found) {
        List<PhraseHit> hits =
                found.stream().sorted(Comparator.comparingInt(PhraseHit::word)).toList();
        int window = combination.windowWords() > 0 ? combination.windowWords() : Integer.MAX_VALUE;
        for (int first = 0; first < hits.size(); first++) {
            Set<Integer> phrases = new HashSet<>();
            List<PhraseHit> inside = new ArrayList<>();
            for (int k = first; k < hits.size() && hits.get(k).word - hits.get(first).word < window; k++) {
                phrases.add(hits.get(k).phrase);
                inside.add(hits.get(k));
            }
            if (phrases.size() >= combination.atLeast()) {
                return inside;
            }
        }
        return List.of();
    }
}
