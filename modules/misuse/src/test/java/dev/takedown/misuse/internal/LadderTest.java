package dev.takedown.misuse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.misuse.Assessment;
import dev.takedown.misuse.MisuseRule;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.misuse.StandingStatus;
import dev.takedown.misuse.internal.Ladder.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The weighing of DSA Art. 23(3) as pure functions: count, proportion, gravity and intent, and the ladder's order. */
class LadderTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final MisuseRule NOTIFIERS =
            new MisuseRule(Duration.ofDays(90), 2, 0.5, 3, 2, Duration.ofDays(30), 0);
    private static final MisuseRule UPLOADERS =
            new MisuseRule(Duration.ofDays(365), 1, 0.5, 2, 2, Duration.ofDays(14), 1);

    @Test
    void manyNoticesAndFewUnfoundedWarnNobody() {
        Assessment few = Ladder.assess(NOTIFIERS, findings(4, 1, false), 20, null);

        assertThat(few.misuseCount()).isEqualTo(4);
        assertThat(few.weightedScore()).as("enough by count and score alone").isEqualTo(4);
        assertThat(few.share()).isEqualTo(0.2);
        assertThat(Ladder.warrantsAStep(NOTIFIERS, few)).isFalse();
        assertThat(Ladder.warrantsAStep(NOTIFIERS, Ladder.assess(NOTIFIERS, findings(4, 1, false), 8, null)))
                .as("half of what the notifier filed")
                .isTrue();
    }

    @Test
    void graveOrIntentionalMisuseWeighsMoreThanItsCount() {
        assertThat(Ladder.warrantsAStep(NOTIFIERS, Ladder.assess(NOTIFIERS, findings(2, 1, false), 2, null)))
                .isFalse();
        assertThat(Ladder.assess(NOTIFIERS, findings(2, 2, false), 2, null))
                .satisfies(a -> assertThat(a.weightedScore()).isEqualTo(4))
                .satisfies(a -> assertThat(Ladder.warrantsAStep(NOTIFIERS, a)).isTrue());
        assertThat(Ladder.assess(NOTIFIERS, findings(2, 1, true), 2, null))
                .satisfies(a -> assertThat(a.weightedScore()).isEqualTo(4))
                .satisfies(a -> assertThat(a.intentional()).isEqualTo(2))
                .satisfies(a -> assertThat(Ladder.warrantsAStep(NOTIFIERS, a)).isTrue());
        assertThat(Ladder.warrantsAStep(NOTIFIERS, Ladder.assess(NOTIFIERS, findings(1, 9, true), 1, null)))
                .as("one finding, however grave, is not frequent misuse")
                .isFalse();
    }

    @Test
    void findingsCountForOneStepOnlyButTheProportionTakesTheWholeWindow() {
        List<Finding> findings = findings(5, 1, false);

        Assessment afterWarning = Ladder.assess(NOTIFIERS, findings, 5, T0.plus(Duration.ofDays(3)));

        assertThat(afterWarning.misuseCount()).isEqualTo(2);
        assertThat(afterWarning.windowMisuse()).isEqualTo(5);
        assertThat(Ladder.warrantsAStep(NOTIFIERS, afterWarning)).isFalse();
    }

    @Test
    void aWarningAlwaysComesFirstAndTerminationOnlyAfterASuspension() {
        assertThat(Ladder.next(StandingStatus.GOOD_STANDING, 0, UPLOADERS)).contains(StandingChangeKind.WARNED);
        assertThat(Ladder.next(StandingStatus.WARNED, 0, UPLOADERS)).contains(StandingChangeKind.SUSPENDED);
        assertThat(Ladder.next(StandingStatus.WARNED, 1, UPLOADERS)).contains(StandingChangeKind.TERMINATED);
        assertThat(Ladder.next(StandingStatus.WARNED, 5, NOTIFIERS))
                .as("notifiers are never terminated")
                .contains(StandingChangeKind.SUSPENDED);
        assertThat(Ladder.next(StandingStatus.SUSPENDED, 1, UPLOADERS)).isEmpty();
        assertThat(Ladder.next(StandingStatus.TERMINATED, 1, UPLOADERS)).isEmpty();
    }

    /** {@code count} findings a day apart from T0+1d. */
    private static List<Finding> findings(int count, int gravity, boolean intentional) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(day -> new Finding(gravity, intentional, T0.plus(Duration.ofDays(day))))
                .toList();
    }
}
