package dev.takedown.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.events.ScreeningRule;
import dev.takedown.screening.Decision;
import dev.takedown.screening.MeasureChange;
import dev.takedown.screening.Screening;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentedIndexTest {

    private final Normaliser normaliser = new Normaliser();

    private CompiledMeasure measure(int i) {
        return CompiledMeasure.compile("m-" + i, "c-" + i, rule(i), normaliser);
    }

    private static ScreeningRule rule(int i) {
        return new ScreeningRule("work " + i, List.of("heroname" + i + "z"), null, List.of("lic-" + i), null, null);
    }

    private Decision check(SegmentedIndex index, String prompt, String account) {
        return index.check(prompt, normaliser.scratch(prompt), account).decision();
    }

    @Test
    void batchesBecomeSegmentsAndAChangedOrLiftedMeasureLeavesItsOldSegment() {
        SegmentedIndex index = SegmentedIndex.empty(31)
                .with(Set.of(), List.of(measure(1), measure(2)), 0)
                .with(Set.of(), List.of(measure(3)), 0);
        assertThat(index.segments()).hasSize(2);
        assertThat(check(index, "a heroname1z and a heroname3z", null)).isEqualTo(Decision.BLOCK);
        assertThat(index.check("heroname1z heroname3z", normaliser.scratch("heroname1z heroname3z"), null)
                        .matched())
                .extracting(CompiledMeasure::measureId)
                .containsExactlyInAnyOrder("m-1", "m-3");
        assertThat(check(index, "heroname3z", "lic-3")).isEqualTo(Decision.ALLOW);

        CompiledMeasure amended = CompiledMeasure.compile(
                "m-1", "c-1", new ScreeningRule("w", List.of("othername"), null, null, null, null), normaliser);
        SegmentedIndex changed = index.with(Set.of("m-1", "m-3"), List.of(amended), 0);
        assertThat(check(changed, "heroname1z", null)).isEqualTo(Decision.ALLOW);
        assertThat(check(changed, "heroname3z", null)).isEqualTo(Decision.ALLOW);
        assertThat(check(changed, "othername", null)).isEqualTo(Decision.BLOCK);
        assertThat(check(changed, "heroname2z", null)).isEqualTo(Decision.BLOCK);
        assertThat(changed.measureCount()).isEqualTo(2);
    }

    @Test
    void manySmallBatchesStayWithinTheSegmentBoundAndACompactionKeepsLaterSegments() {
        SegmentedIndex index = SegmentedIndex.empty(31);
        for (int i = 0; i < 40; i++) {
            index = index.with(Set.of(), List.of(measure(i)), 0);
            assertThat(index.segments().size()).isLessThanOrEqualTo(SegmentedIndex.MAX_SEGMENTS);
        }
        SegmentedIndex base = index;
        SegmentedIndex.Segment merged = base.compacted();
        SegmentedIndex later =
                base.with(Set.of(), List.of(measure(40)), base.segments().size());
        SegmentedIndex compacted = later.replacing(base, merged);
        assertThat(compacted.segments()).hasSize(2);
        assertThat(compacted.measureCount()).isEqualTo(41);
        assertThat(check(compacted, "heroname0z then heroname40z", null)).isEqualTo(Decision.BLOCK);

        assertThat(later.segments())
                .as("the compacting prefix is left alone")
                .hasSize(base.segments().size() + 1);
        SegmentedIndex lifted = base.with(Set.of("m-0"), List.of(), 0);
        assertThat(lifted.replacing(base, merged))
                .as("stale: m-0's segment was rebuilt")
                .isNull();
    }

    @Test
    void screeningAgreesWithTheAppliedSetAfterRandomBatchesAndCompactsInTheBackground() throws Exception {
        Screening screening = new Screening();
        Random random = new Random(7);
        Set<Integer> active = new HashSet<>();
        for (int round = 0; round < 60; round++) {
            List<MeasureChange> batch = new ArrayList<>();
            for (int k = random.nextInt(5); k >= 0; k--) {
                int i = random.nextInt(30);
                if (random.nextInt(4) == 0) {
                    batch.add(new MeasureChange.Lift("m-" + i));
                    active.remove(i);
                } else {
                    batch.add(new MeasureChange.Apply("m-" + i, "c-" + i, rule(i)));
                    active.add(i);
                }
            }
            screening.update(batch);
            for (int i = 0; i < 30; i++) {
                assertThat(screening.checkPrompt("heroname" + i + "z", null).decision())
                        .as("m-%d round %d", i, round)
                        .isEqualTo(active.contains(i) ? Decision.BLOCK : Decision.ALLOW);
            }
        }
        assertThat(screening.activeFilters()).isEqualTo(active.size());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (screening.indexSegments() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(screening.indexSegments()).isLessThanOrEqualTo(1);
        for (int i = 0; i < 30; i++) {
            assertThat(screening.checkPrompt("heroname" + i + "z", null).decision())
                    .isEqualTo(active.contains(i) ? Decision.BLOCK : Decision.ALLOW);
        }
        screening.close();
    }
}
