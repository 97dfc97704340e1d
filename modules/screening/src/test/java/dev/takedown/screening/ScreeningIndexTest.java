package dev.takedown.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScreeningIndexTest {

    @Test
    void blocksOnlyTargetsUnderAMeasure() {
        ScreeningIndex index = new ScreeningIndex();
        index.block("https://gen.example/img/1", "m-1");
        index.block("https://gen.example/img/1", "m-1");
        index.block("https://gen.example/img/1", "m-2");

        assertThat(index.check("https://gen.example/img/1"))
                .hasValueSatisfying(ids -> assertThat(ids).containsExactlyInAnyOrder("m-1", "m-2"));
        assertThat(index.check("https://gen.example/img/2")).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void unblockingOneMeasureKeepsTheOthers() {
        ScreeningIndex index = new ScreeningIndex();
        index.block("https://gen.example/img/1", "m-1");
        index.block("https://gen.example/img/1", "m-2");
        index.unblock("m-1");
        assertThat(index.check("https://gen.example/img/1"))
                .hasValueSatisfying(ids -> assertThat(ids).containsExactly("m-2"));
        index.unblock("m-2");
        index.unblock("unknown");
        assertThat(index.check("https://gen.example/img/1")).isEmpty();
        assertThat(index.size()).isZero();
    }
}
