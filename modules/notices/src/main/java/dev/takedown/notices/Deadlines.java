package dev.takedown.notices;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Every deadline running on a case, in the order they fall, gathered from each module that runs some: the engine's
 * timers and tasks, the complaint windows per party and decision, the suspensions' ends.
 */
@Service
public class Deadlines {

    private final List<RunningDeadlines> sources;

    Deadlines(List<RunningDeadlines> sources) {
        this.sources = List.copyOf(sources);
    }

    public List<Deadline> of(String caseId) {
        return sources.stream()
                .flatMap(source -> source.of(caseId).stream())
                .sorted(Comparator.comparing(Deadline::at))
                .toList();
    }
}
