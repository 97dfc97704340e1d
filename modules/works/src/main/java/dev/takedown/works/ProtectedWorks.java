package dev.takedown.works;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.works.internal.ProtectedWorkEntity;
import dev.takedown.works.internal.ProtectedWorkRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rights holders' registry of protected works. It knows no cases: a notice names registered works by id, and the
 * notices module composes a case's screening rule from their definitions.
 */
@Service
public class ProtectedWorks {

    private final ProtectedWorkRepository works;
    private final ObjectMapper json;
    private final Clock clock;

    ProtectedWorks(ProtectedWorkRepository works, ObjectMapper json, Clock clock) {
        this.works = works;
        this.json = json;
        this.clock = clock;
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
     * The registered definitions of these works that belong to the organisation, by the work id as given; unknown
     * ids and other organisations' works are left out.
     */
    @Transactional(readOnly = true)
    public Map<String, WorkDefinition> definitions(Collection<String> workIds, String organisationId) {
        Map<String, WorkDefinition> found = new LinkedHashMap<>();
        for (String workId : workIds) {
            load(workId)
                    .filter(w -> w.organisationId().equals(organisationId))
                    .ifPresent(w -> found.put(workId, read(w.definition(), WorkDefinition.class)));
        }
        return found;
    }

    /** Whether the organisation registered the work as well known (triage treats notices on it first). */
    @Transactional(readOnly = true)
    public boolean wellKnown(String workId, String organisationId) {
        return load(workId)
                .filter(w -> w.organisationId().equals(organisationId))
                .map(w -> Boolean.TRUE.equals(
                        read(w.definition(), WorkDefinition.class).wellKnown()))
                .orElse(false);
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
