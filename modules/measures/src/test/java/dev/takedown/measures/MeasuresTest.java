package dev.takedown.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.takedown.events.MeasureApplied;
import dev.takedown.measures.internal.Measure;
import dev.takedown.measures.internal.MeasureRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeasuresTest {

    private final MeasureRepository repository = mock(MeasureRepository.class);
    private final List<Object> published = new ArrayList<>();
    private final Measures measures = new Measures(repository, published::add, Optional.empty());

    @Test
    void plansOneMeasurePerTypeAndTarget() {
        when(repository.saveAll(anyList())).thenAnswer(call -> call.getArgument(0));

        var planned = measures.plan("c1", "d1", List.of(MeasureType.DELETE, MeasureType.GEO_BLOCK,
                MeasureType.DELETE), List.of("https://a.test/1", "https://a.test/2"), "mod");

        assertThat(planned).hasSize(4).allMatch(m -> m.status().equals("PLANNED"));
    }

    @Test
    void applyingTwicePublishesOnce() {
        Measure measure = new Measure(UUID.randomUUID(), "c1", "d1", MeasureType.DELETE, "https://a.test/1", "mod",
                Instant.now());
        when(repository.findByCaseIdOrderByPlannedAt("c1")).thenReturn(List.of(measure));

        assertThat(measures.applyPlanned("c1")).isEqualTo(1);
        assertThat(measures.applyPlanned("c1")).isEqualTo(1);

        assertThat(published).hasSize(1).first().isInstanceOfSatisfying(MeasureApplied.class, event -> {
            assertThat(event.measureId()).isEqualTo(measure.id().toString());
            assertThat(event.targetUrl()).isEqualTo("https://a.test/1");
        });
    }
}
