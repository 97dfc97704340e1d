package dev.takedown.screening.internal;

import dev.takedown.screening.Decision;
import dev.takedown.screening.ImageVerdict.ImageMatch;
import dev.takedown.screening.MatchedSpan;
import dev.takedown.screening.PdqHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The active filter measures as a few immutable segments, each a {@link PromptIndex} and an {@link ImageIndex} over
 * its own measures (a measure lives in exactly one segment). A batch of new measures becomes a new segment, so
 * applying it costs the size of the batch, not of every active measure; {@link #compacted()} (run in the background)
 * folds them back into one, so a check normally scans one automaton. Immutable: the writer builds a new one and swaps.
 */
public final class SegmentedIndex {

    /** Beyond this many segments the two smallest neighbours are merged on the writer's thread: bounds check cost. */
    static final int MAX_SEGMENTS = 8;

    /** One immutable slice of the measures. */
    public record Segment(PromptIndex prompts, ImageIndex images) {

        static Segment of(List<CompiledMeasure> measures, int imageDistance) {
            return new Segment(new PromptIndex(measures), new ImageIndex(measures, imageDistance));
        }

        int size() {
            return prompts.measureCount();
        }
    }

    private final List<Segment> segments;
    private final int imageDistance;
    private final int measureCount;

    private SegmentedIndex(List<Segment> segments, int imageDistance) {
        this.segments = List.copyOf(segments);
        this.imageDistance = imageDistance;
        this.measureCount = this.segments.stream().mapToInt(Segment::size).sum();
    }

    public static SegmentedIndex empty(int imageDistance) {
        return new SegmentedIndex(List.of(), imageDistance);
    }

    public List<Segment> segments() {
        return segments;
    }

    public int measureCount() {
        return measureCount;
    }

    public List<CompiledMeasure> measures() {
        List<CompiledMeasure> all = new ArrayList<>(measureCount);
        segments.forEach(s -> all.addAll(s.prompts().measures()));
        return all;
    }

    /**
     * This index without the measures named in {@code removed} (only the segments holding one are rebuilt) and with
     * {@code added} as a new segment. Beyond {@link #MAX_SEGMENTS} the two smallest neighbours merge, but never among
     * the first {@code compacting} segments: a compaction of those is under way and would otherwise be stale.
     */
    public SegmentedIndex with(Set<String> removed, List<CompiledMeasure> added, int compacting) {
        List<Segment> next = new ArrayList<>(segments.size() + 1);
        for (Segment segment : segments) {
            List<CompiledMeasure> measures = segment.prompts().measures();
            if (removed.isEmpty() || measures.stream().noneMatch(m -> removed.contains(m.measureId()))) {
                next.add(segment);
                continue;
            }
            List<CompiledMeasure> kept = measures.stream()
                    .filter(m -> !removed.contains(m.measureId()))
                    .toList();
            if (!kept.isEmpty()) {
                next.add(Segment.of(kept, imageDistance));
            }
        }
        if (!added.isEmpty()) {
            next.add(Segment.of(added, imageDistance));
        }
        int first = removed.isEmpty() ? Math.max(0, compacting) : 0;
        while (next.size() > MAX_SEGMENTS && next.size() - first >= 2) {
            int smallest = first;
            for (int i = first + 1; i < next.size() - 1; i++) {
                if (next.get(i).size() + next.get(i + 1).size()
                        < next.get(smallest).size() + next.get(smallest + 1).size()) {
                    smallest = i;
                }
            }
            List<CompiledMeasure> merged =
                    new ArrayList<>(next.get(smallest).prompts().measures());
            merged.addAll(next.get(smallest + 1).prompts().measures());
            next.set(smallest, Segment.of(merged, imageDistance));
            next.remove(smallest + 1);
        }
        return new SegmentedIndex(next, imageDistance);
    }

    /** Every measure in one segment; O(all measures), so callers run it off the writer's path. */
    public Segment compacted() {
        return Segment.of(measures(), imageDistance);
    }

    /**
     * This index with the segments of {@code base} replaced by {@code merged} (their compaction), keeping any segment
     * added since; null if a change since {@code base} rebuilt one of its segments (the compaction is stale then).
     */
    public SegmentedIndex replacing(SegmentedIndex base, Segment merged) {
        if (segments.size() < base.segments.size()) {
            return null;
        }
        for (int i = 0; i < base.segments.size(); i++) {
            if (segments.get(i) != base.segments.get(i)) {
                return null;
            }
        }
        List<Segment> next = new ArrayList<>();
        next.add(merged);
        next.addAll(segments.subList(base.segments.size(), segments.size()));
        return new SegmentedIndex(next, imageDistance);
    }

    /** Every segment's verdict in one; a measure is in one segment, so the union needs no de-duplication. */
    public PromptIndex.Result check(String original, Normaliser.Scratch text, String accountId) {
        if (segments.size() == 1) {
            return segments.get(0).prompts().check(original, text, accountId);
        }
        Decision decision = Decision.ALLOW;
        List<CompiledMeasure> matched = new ArrayList<>();
        List<MatchedSpan> spans = new ArrayList<>();
        List<String> licensed = new ArrayList<>();
        List<CompiledMeasure> blocking = new ArrayList<>();
        for (Segment segment : segments) {
            PromptIndex.Result result = segment.prompts().check(original, text, accountId);
            if (result.decision() == Decision.BLOCK
                    || result.decision() == Decision.REVIEW && decision == Decision.ALLOW) {
                decision = result.decision();
            }
            matched.addAll(result.matched());
            spans.addAll(result.spans());
            licensed.addAll(result.licensed());
            blocking.addAll(result.blocking());
        }
        spans.sort(Comparator.comparingInt(MatchedSpan::start).thenComparingInt(MatchedSpan::end));
        licensed.sort(Comparator.naturalOrder());
        return new PromptIndex.Result(decision, matched, spans, licensed, blocking);
    }

    /** The measures with a reference image near any of the query hashes, over every segment. */
    public Map<CompiledMeasure, List<ImageMatch>> find(List<PdqHash> queries) {
        if (segments.size() == 1) {
            return segments.get(0).images().find(queries);
        }
        Map<CompiledMeasure, List<ImageMatch>> found = new HashMap<>();
        segments.forEach(s -> found.putAll(s.images().find(queries)));
        return found;
    }
}
