package dev.takedown.works.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.works.ProtectedWork;
import dev.takedown.works.WorkDefinition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A stored work comes back as the registry's API shows it, definition included, in the stored JSON's snake case. */
class ProtectedWorkMapperTest {

    private final DefinitionJson json = new DefinitionJson(new ObjectMapper());
    private final ProtectedWorkMapper mapper = new ProtectedWorkMapperImpl(json);

    @Test
    void mapsEveryFieldAndReadsTheDefinition() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        WorkDefinition definition = new WorkDefinition(
                "Ultraman Tiga",
                List.of("迪迦", "Tiga"),
                List.of(new WorkDefinition.Combination(List.of("giant", "colour timer"), 2, 6)),
                List.of("licensee-1"),
                List.of(),
                List.of("draw Tiga"),
                true);
        String stored = json.write(definition);
        assertThat(stored).contains("\"replay_prompts\"", "\"well_known\"");

        ProtectedWork work = mapper.work(new ProtectedWorkEntity(id, "org-a", "Ultraman Tiga", stored, "holder", at));

        assertThat(work.workId()).isEqualTo(id.toString());
        assertThat(work.organisationId()).isEqualTo("org-a");
        assertThat(work.registeredBy()).isEqualTo("holder");
        assertThat(work.registeredAt()).isEqualTo(at);
        assertThat(work.definition()).isEqualTo(definition);
    }

    @Test
    void anUnreadableStoredDefinitionIsAnErrorNotAnEmptyWork() {
        ProtectedWorkEntity broken =
                new ProtectedWorkEntity(UUID.randomUUID(), "org-a", "t", "{not json", "holder", Instant.now());
        assertThatIllegalStateException().isThrownBy(() -> mapper.work(broken));
        assertThat(mapper.work(null)).isNull();
    }
}
