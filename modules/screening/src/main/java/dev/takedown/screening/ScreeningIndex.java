package dev.takedown.screening;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The in-memory view of target URLs under a measure that platform services consult before serving a URL. It is
 * rebuilt from the compacted {@code takedown.measures} topic and never reads the database.
 */
@Component
public class ScreeningIndex {

    private final Map<String, Set<String>> measuresByTarget = new ConcurrentHashMap<>();
    private final Map<String, String> targetByMeasure = new ConcurrentHashMap<>();

    /** Records a measure on a target; applying the same measure twice changes nothing. */
    public void block(String targetUrl, String measureId) {
        measuresByTarget
                .computeIfAbsent(targetUrl, url -> ConcurrentHashMap.newKeySet())
                .add(measureId);
        targetByMeasure.put(measureId, targetUrl);
    }

    /** Removes the measure's block; other measures on the same target stay. */
    public void unblock(String measureId) {
        String target = targetByMeasure.remove(measureId);
        if (target != null) {
            measuresByTarget.computeIfPresent(target, (url, ids) -> {
                ids.remove(measureId);
                return ids.isEmpty() ? null : ids;
            });
        }
    }

    /** The measures that block the target, if any. */
    public Optional<Set<String>> check(String targetUrl) {
        return Optional.ofNullable(measuresByTarget.get(targetUrl))
                .filter(ids -> !ids.isEmpty())
                .map(Set::copyOf);
    }

    public int size() {
        return measuresByTarget.size();
    }
}
