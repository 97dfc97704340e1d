package dev.takedown.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A mistake in the table stops the application instead of moving a legal deadline. */
class ChinaHolidayTableTest {

    private static ChinaHolidayTable read(String year2030) {
        String yaml = """
                takedown:
                  calendar:
                    cn:
                      years:
                        2030:
                """ + year2030.indent(10);
        return ChinaHolidayTable.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsBlocksAsInclusiveRanges() {
        ChinaHolidayTable table = read("""
                source: test
                holidays:
                  - { name: 国庆节, from: 2030-10-01, to: 2030-10-07 }
                make-up-working-days: ['2030-09-29', 2030-10-12]
                """);

        assertThat(table.holidays()).hasSize(7).contains(LocalDate.of(2030, 10, 1), LocalDate.of(2030, 10, 7));
        assertThat(table.makeUpWorkingDays())
                .containsExactlyInAnyOrder(LocalDate.of(2030, 9, 29), LocalDate.of(2030, 10, 12));
        assertThat(table.sources()).containsEntry(2030, "test");
    }

    @Test
    void rejectsAMakeUpWorkingDayThatIsAWeekday() {
        assertThatIllegalStateException()
                .isThrownBy(() -> read("""
                source: test
                holidays: []
                make-up-working-days: [2030-10-09]
                """))
                .withMessageContaining("takedown.calendar.cn.years.2030.make-up-working-days[0]");
    }

    @Test
    void rejectsAMisspelledKey() {
        assertThatIllegalStateException()
                .isThrownBy(() -> read("""
                source: test
                holidays: []
                makeup-working-days: [2030-10-12]
                """))
                .withMessageContaining("takedown.calendar.cn.years.2030.makeup-working-days");
    }

    @Test
    void rejectsADateOutsideItsYear() {
        assertThatIllegalStateException()
                .isThrownBy(() -> read("""
                source: test
                holidays:
                  - { from: 2031-10-01, to: 2031-10-03 }
                make-up-working-days: []
                """))
                .withMessageContaining("takedown.calendar.cn.years.2030.holidays[0].from");
    }

    @Test
    void rejectsABackwardsBlock() {
        assertThatIllegalStateException()
                .isThrownBy(() -> read("""
                source: test
                holidays:
                  - { from: 2030-10-07, to: 2030-10-01 }
                make-up-working-days: []
                """))
                .withMessageContaining("takedown.calendar.cn.years.2030.holidays[0]");
    }

    @Test
    void rejectsADayThatIsBothOffAndWorked() {
        assertThatIllegalStateException().isThrownBy(() -> read("""
                source: test
                holidays:
                  - { from: 2030-10-05, to: 2030-10-06 }
                make-up-working-days: [2030-10-05]
                """)).withMessageContaining("2030-10-05");
    }

    @Test
    void requiresTheSource() {
        assertThatIllegalStateException()
                .isThrownBy(() -> read("""
                holidays: []
                make-up-working-days: []
                """))
                .withMessageContaining("takedown.calendar.cn.years.2030.source");
    }
}
