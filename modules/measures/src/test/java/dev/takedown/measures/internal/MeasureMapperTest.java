package dev.takedown.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.events.LiftCause;
import dev.takedown.events.ScreeningRule;
import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.MeasureType;
import dev.takedown.measures.MeasureView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API sees a measure's identity, target, rule and life, and none of who planned or lifted it or why. */
class MeasureMapperTest {

    private static final Instant PLANNED = Instant.parse("2026-03-01T08:00:00Z");

    private final MeasureMapper mapper = new MeasureMapperImpl();

    @Test
    void aLiftedTargetMeasureKeepsItsDates() {
        UUID id = UUID.randomUUID();
        Measure measure = new Measure(
                id, "case-1", "d-1", MeasureType.DELETE, "https://gen.example/a", "acc-1", null, "mod", PLANNED);
        measure.apply(PLANNED.plusSeconds(60), UUID.randomUUID());
        measure.lift(
                PLANNED.plusSeconds(120),
                "senior",
                LiftCause.COUNTER_NOTICE,
                "restored after counter-notice",
                UUID.randomUUID());

        MeasureView view = mapper.view(measure, null, null);

        assertThat(view)
                .isEqualTo(new MeasureView(
                        id.toString(),
                        "case-1",
                        MeasureType.DELETE,
                        "https://gen.example/a",
                        null,
                        MeasureStatus.LIFTED,
                        PLANNED.plusSeconds(60),
                        PLANNED.plusSeconds(120),
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void aFilterCarriesTheRuleItWasGiven() {
        ScreeningRule rule = new ScreeningRule(
                "Ultraman", List.of("奥特曼"), List.of(), List.of("licensee-1"), List.of(), List.of("画一个奥特曼"));
        Measure filter = new Measure(
                UUID.randomUUID(), "case-2", "d-2", MeasureType.PROMPT_FILTER, null, null, "{}", "mod", PLANNED);

        MeasureView view = mapper.view(filter, rule, null);

        assertThat(view.rule()).isEqualTo(rule);
        assertThat(view.targetUrl()).isNull();
        assertThat(view.status()).isEqualTo(MeasureStatus.PLANNED);
        assertThat(view.appliedAt()).isNull();
    }
}
