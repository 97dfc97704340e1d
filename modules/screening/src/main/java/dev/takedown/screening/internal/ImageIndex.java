package dev.takedown.screening.internal;

import dev.takedown.screening.ImageVerdict.ImageMatch;
import dev.takedown.screening.PdqHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reference images of every active measure in one multi-index hash; immutable. */
public final class ImageIndex {

    /**
     * Below this many hashes a linear scan replaces the multi-index hash: its tables (16 × 65 536 buckets) cost
     * milliseconds to build, which a segment of a few new measures ({@link SegmentedIndex}) should not pay.
     */
    static final int SCAN_BELOW = 256;

    private final MultiIndexHash hashes;
    private final int maxDistance;
    private final List<PdqHash> references = new ArrayList<>();
    private final List<CompiledMeasure> owners = new ArrayList<>();

    public ImageIndex(List<CompiledMeasure> measures, int maxDistance) {
        if (maxDistance < 0 || maxDistance > 255) {
            throw new IllegalArgumentException("distance must be in 0..255");
        }
        for (CompiledMeasure measure : measures) {
            for (PdqHash hash : measure.imageHashes()) {
                references.add(hash);
                owners.add(measure);
            }
        }
        this.maxDistance = maxDistance;
        this.hashes = references.size() < SCAN_BELOW ? null : new MultiIndexHash(references, maxDistance);
    }

    /** The measures with a reference image near any of the query hashes, nearest distance per reference. */
    public Map<CompiledMeasure, List<ImageMatch>> find(List<PdqHash> queries) {
        Map<Integer, Integer> best = new HashMap<>();
        for (PdqHash query : queries) {
            if (hashes != null) {
                for (MultiIndexHash.Match match : hashes.find(query)) {
                    best.merge(match.id(), match.distance(), Math::min);
                }
                continue;
            }
            for (int id = 0; id < references.size(); id++) {
                int distance = references.get(id).distance(query);
                if (distance <= maxDistance) {
                    best.merge(id, distance, Math::min);
                }
            }
        }
        Map<CompiledMeasure, List<ImageMatch>> found = new HashMap<>();
        best.forEach((id, distance) -> found.computeIfAbsent(owners.get(id), m -> new ArrayList<>())
                .add(new ImageMatch(
                        owners.get(id).measureId(), references.get(id).toHex(), distance)));
        found.values().forEach(l -> l.sort(Comparator.comparingInt(ImageMatch::distance)));
        return found;
    }
}
