package dev.takedown.works;

import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.works.internal.DefinitionJson;
import dev.takedown.works.internal.ProtectedWorkEntity;
import dev.takedown.works.internal.ProtectedWorkMapper;
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
    private final ProtectedWorkMapper mapper;
    private final DefinitionJson json;
    private final Clock clock;

    ProtectedWorks(ProtectedWorkRepository works, ProtectedWorkMapper mapper, DefinitionJson json, Clock clock) {
        this.works = works;
        this.mapper = mapper;
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
                json.write(definition),
                caller.actor(),
                clock.instant()));
        return mapper.work(saved);
    }

    @Transactional(readOnly = true)
    public List<ProtectedWork> list(Caller caller) {
        if (caller.organisationId() == null) {
            return List.of();
        }
        return works.findByOrganisationIdOrderByRegisteredAtDesc(caller.organisationId()).stream()
                .map(mapper::work)
                .toList();
    }

    /** The work if the caller may see it; another organisation's work is indistinguishable from none. */
    @Transactional(readOnly = true)
    public Optional<ProtectedWork> find(String workId, Caller caller) {
        return load(workId).filter(w -> caller.mayRead(w.getOrganisationId())).map(mapper::work);
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
                    .filter(w -> w.getOrganisationId().equals(organisationId))
                    .ifPresent(w -> found.put(workId, json.read(w.getDefinition())));
        }
        return found;
    }

    /** Whether the organisation registered the work as well known (triage treats notices on it first). */
    @Transactional(readOnly = true)
    public boolean wellKnown(String workId, String organisationId) {
        return load(workId)
                .filter(w -> w.getOrganisationId().equals(organisationId))
                .map(w -> Boolean.TRUE.equals(json.read(w.getDefinition()).wellKnown()))
                .orElse(false);
    }

    private Optional<ProtectedWorkEntity> load(String workId) {
        try {
            return workId == null ? Optional.empty() : works.findById(UUID.fromString(workId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
