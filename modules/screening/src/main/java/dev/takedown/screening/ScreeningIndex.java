package dev.takedown.screening;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The in-memory view of active measures that generation and upload paths consult. It is rebuilt from the compacted
 * {@code takedown.measures} topic and never reads the database, so a screening node answers from memory.
 */
@Component
public class ScreeningIndex {

    private final Map<String, Set<String>> measuresByTarget = new ConcurrentHashMap<>();

    /** Records a measure on a target; applying the same measure twice changes nothing. */
    public void block(String targetUrl, String measureId) {
        measuresByTarget.computeIfAbsent(targetUrl, url -> ConcurrentHashMap.newKeySet()).add(measureId);
    }

    /** The measures that block the target, if any. */
    public Optional<Set<String>> check(String targetUrl) {
        return Optional.ofNullable(measuresByTarget.get(targetUrl)).filter(ids -> !ids.isEmpty()).map(Set::copyOf);
    }

    public int size() {
        return measuresByTarget.size();
    }
}
