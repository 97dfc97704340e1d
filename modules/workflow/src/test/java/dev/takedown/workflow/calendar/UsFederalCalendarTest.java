package dev.takedown.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsFederalCalendarTest {

    private final UsFederalCalendar us = new UsFederalCalendar();

    @Test
    void counterNoticeReceivedBeforeChristmasRestoresOnTheIssuesWorkedExample() {
        LocalDate received = LocalDate.of(2026, 12, 23);

        assertThat(us.addBusinessDays(received, 10)).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(us.addBusinessDays(received, 14)).isEqualTo(LocalDate.of(2027, 1, 14));
    }

    @Test
    void theDayOfReceiptIsNotCounted() {
        assertThat(us.addBusinessDays(LocalDate.of(2026, 3, 2), 1)).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(us.addBusinessDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-01",
                "2026-01-19",
                "2026-02-16",
                "2026-05-25",
                "2026-06-19",
                "2026-07-03",
                "2026-09-07",
                "2026-10-12",
                "2026-11-11",
                "2026-11-26",
                "2026-12-25"
            })
    void federalHolidaysOf2026AreNotBusinessDays(LocalDate holiday) {
        assertThat(us.isWorkingDay(holiday)).isFalse();
    }

    @Test
    void aSaturdayHolidayIsObservedTheFridayBefore() {
        // Independence Day 2026 and Christmas 2027 fall on Saturdays
        assertThat(us.isWorkingDay(LocalDate.of(2026, 7, 3))).isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2026, 7, 6))).isTrue();
        assertThat(us.isWorkingDay(LocalDate.of(2027, 12, 24))).isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2027, 12, 27))).isTrue();
    }

    @Test
    void newYearsDayOnASaturdayIsObservedOnTheLastDayOfThePreviousYear() {
        assertThat(us.isWorkingDay(LocalDate.of(2027, 12, 31))).isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2028, 1, 3))).isTrue();
    }

    @Test
    void aSundayHolidayIsObservedTheMondayAfter() {
        assertThat(us.isWorkingDay(LocalDate.of(2022, 6, 20))).isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2022, 12, 26))).isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2023, 1, 2))).isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2023, 1, 3))).isTrue();
    }

    @Test
    void christmasEveIsABusinessDayUnlessItIsAnObservedHoliday() {
        assertThat(us.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
    }

    @Test
    void waitAcrossTheYearEndSkipsBothObservedHolidays() {
        // Christmas 2027 observed Fri Dec 24, New Year 2028 observed Fri Dec 31
        LocalDate received = LocalDate.of(2027, 12, 22);

        assertThat(us.addBusinessDays(received, 10)).isEqualTo(LocalDate.of(2028, 1, 7));
        assertThat(us.addBusinessDays(received, 14)).isEqualTo(LocalDate.of(2028, 1, 13));
    }

    @Test
    void thanksgivingWeek() {
        assertThat(us.addBusinessDays(LocalDate.of(2026, 11, 25), 1)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void dayBasedPeriodCountsFromTheNextDayInNewYorkAndEndsAfterAnObservedHoliday() {
        // 02:00 UTC on Jul 1 is still Jun 30 in New York; day 3 is Fri Jul 3 (observed), then a weekend
        ZonedDateTime start = ZonedDateTime.of(2026, 7, 1, 2, 0, 0, 0, ZoneId.of("UTC"));

        assertThat(us.endOfPeriodInDays(start, 3))
                .isEqualTo(ZonedDateTime.of(2026, 7, 7, 0, 0, 0, 0, ZoneId.of("America/New_York")));
    }

    @Test
    void rejectsCountsBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> us.addBusinessDays(LocalDate.of(2026, 1, 5), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> us.endOfPeriodInDays(ZonedDateTime.now(us.zone()), 0));
    }
}
