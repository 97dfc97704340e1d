package dev.takedown.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.ScreeningRule;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.ProtectedWorkEntity;
import dev.takedown.notices.internal.ProtectedWorkRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rights holders' registry of protected works, and the screening rule a case's works compile to. */
@Service
public class ProtectedWorks {

    private final ProtectedWorkRepository works;
    private final NoticeRepository notices;
    private final ObjectMapper json;
    private final Clock clock;

    ProtectedWorks(ProtectedWorkRepository works, NoticeRepository notices, ObjectMapper json, Optional<Clock> clock) {
        this.works = works;
        this.notices = notices;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public ProtectedWork register(WorkDefinition definition, Caller caller) {
        List<FieldProblem> problems = definition.problems();
        if (!problems.isEmpty()) {
            throw new InvalidWorkException(problems);
        }
        if (caller.organisationId() == null) {
            throw new IllegalStateException("only a rights holder registers works");
        }
        ProtectedWorkEntity saved = works.save(new ProtectedWorkEntity(
                UUID.randomUUID(),
                caller.organisationId(),
                definition.title().strip(),
                write(definition),
                caller.actor(),
                clock.instant()));
        return view(saved);
    }

    @Transactional(readOnly = true)
    public List<ProtectedWork> list(Caller caller) {
        if (caller.organisationId() == null) {
            return List.of();
        }
        return works.findByOrganisationIdOrderByRegisteredAtDesc(caller.organisationId()).stream()
                .map(this::view)
                .toList();
    }

    /** The work if the caller may see it; another organisation's work is indistinguishable from none. */
    @Transactional(readOnly = true)
    public Optional<ProtectedWork> find(String workId, Caller caller) {
        return load(workId).filter(w -> caller.mayRead(w.organisationId())).map(this::view);
    }

    /**
     * What a filter measure on this case blocks: the registered works the notice names (only the notifier's own
     * organisation's), plus the titles and protected terms written into the notice itself.
     */
    @Transactional(readOnly = true)
    public ScreeningRule ruleFor(String caseId) {
        Notice notice = notices.findById(UUID.fromString(caseId))
                .orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
        NoticeSubmission submission = read(notice.body(), NoticeSubmission.class);
        Set<String> titles = new LinkedHashSet<>();
        Set<String> terms = new LinkedHashSet<>();
        List<ScreeningRule.Combination> combinations = new ArrayList<>();
        Set<String> licensees = new LinkedHashSet<>();
        Set<String> hashes = new LinkedHashSet<>();
        Set<String> replays = new LinkedHashSet<>();
        for (NoticeSubmission.Work work : submission.works()) {
            if (work == null) {
                continue;
            }
            Optional<WorkDefinition> registered = Optional.ofNullable(work.registeredWorkId())
                    .flatMap(this::load)
                    .filter(w -> w.organisationId().equals(notice.organisationId()))
                    .map(w -> read(w.definition(), WorkDefinition.class));
            registered.ifPresent(definition -> {
                titles.add(definition.title());
                terms.addAll(definition.terms());
                definition
                        .combinations()
                        .forEach(c -> combinations.add(
                                new ScreeningRule.Combination(c.phrases(), c.atLeast(), c.windowWords())));
                licensees.addAll(definition.licensees());
                hashes.addAll(definition.imageHashes());
                replays.addAll(definition.replayPrompts());
            });
            if (work.title() != null && !work.title().isBlank()) {
                titles.add(work.title().strip());
                terms.add(work.title().strip());
            }
            if (work.protectedTerms() != null) {
                work.protectedTerms().stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(String::strip)
                        .forEach(terms::add);
            }
        }
        return new ScreeningRule(
                String.join(" / ", titles),
                List.copyOf(terms),
                combinations,
                List.copyOf(licensees),
                List.copyOf(hashes),
                List.copyOf(replays));
    }

    private Optional<ProtectedWorkEntity> load(String workId) {
        try {
            return workId == null ? Optional.empty() : works.findById(UUID.fromString(workId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private ProtectedWork view(ProtectedWorkEntity entity) {
        return new ProtectedWork(
                entity.id().toString(),
                entity.organisationId(),
                read(entity.definition(), WorkDefinition.class),
                entity.registeredBy(),
                entity.registeredAt());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is unreadable", e);
        }
    }
}
