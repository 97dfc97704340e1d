package dev.takedown.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the real table in config/holidays-cn.yml, so a wrong entry there fails here. */
class ChinaCalendarTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static ChinaCalendar china;

    @BeforeAll
    static void readTheConfiguredTable() throws IOException {
        try (InputStream yaml = Files.newInputStream(Path.of("../../config/holidays-cn.yml"))) {
            china = ChinaCalendar.fromYaml(yaml);
        }
    }

    private static ZonedDateTime beijing(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BEIJING);
    }

    private static ZonedDateTime midnight(int year, int month, int day) {
        return beijing(year, month, day, 0, 0);
    }

    @Test
    void lastDayInsideNationalDayRollsToTheFirstWorkingDayAfterIt() {
        // day 15 is Sun 2025-10-05, inside Oct 1–8; Thu Oct 9 is the last day, ending at 24:00
        ZonedDateTime end = china.endOfPeriodInDays(beijing(2025, 9, 20, 10, 0), 15);

        assertThat(end).isEqualTo(midnight(2025, 10, 10));
        assertThat(end.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2025-10-10T00:00+08:00"));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertThat(china.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(china.endOfPeriodInDays(beijing(2025, 9, 26, 9, 0), 15)).isEqualTo(midnight(2025, 10, 12));
        assertThat(china.endOfPeriodInDays(beijing(2026, 2, 13, 9, 0), 15)).isEqualTo(midnight(2026, 3, 1));
    }

    @Test
    void anOrdinarySundayRollsToMonday() {
        // day 15 is Sun 2025-11-16
        assertThat(china.endOfPeriodInDays(beijing(2025, 11, 1, 15, 0), 15)).isEqualTo(midnight(2025, 11, 18));
    }

    @Test
    void springFestival2025() {
        // day 15 is Thu 2025-01-30, inside Jan 28 – Feb 4
        assertThat(china.endOfPeriodInDays(beijing(2025, 1, 15, 12, 0), 15)).isEqualTo(midnight(2025, 2, 6));
        // day 15 is the make-up Sunday 2025-01-26
        assertThat(china.endOfPeriodInDays(beijing(2025, 1, 11, 12, 0), 15)).isEqualTo(midnight(2025, 1, 27));
        assertThat(china.isWorkingDay(LocalDate.of(2025, 2, 4))).isFalse();
        assertThat(china.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
    }

    @Test
    void springFestival2026() {
        assertThat(china.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(china.isWorkingDay(LocalDate.of(2026, 2, 15))).isFalse();
        assertThat(china.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
        assertThat(china.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
    }

    @Test
    void countingStartsTheDayAfterDeliveryInBeijingTime() {
        // delivered Thu 2025-11-06 23:59: day 15 is Fri Nov 21
        assertThat(china.endOfPeriodInDays(beijing(2025, 11, 6, 23, 59), 15)).isEqualTo(midnight(2025, 11, 22));
        // delivered two minutes later, on Nov 7: day 15 is Sat Nov 22, so Mon Nov 24 is the last day
        assertThat(china.endOfPeriodInDays(beijing(2025, 11, 7, 0, 1), 15)).isEqualTo(midnight(2025, 11, 25));
        // the same instant given in UTC counts by the Beijing date
        assertThat(china.endOfPeriodInDays(ZonedDateTime.of(2025, 11, 6, 16, 1, 0, 0, ZoneId.of("UTC")), 15))
                .isEqualTo(midnight(2025, 11, 25));
    }

    @Test
    void acrossTheYearEndOntoTheNewYearHolidayAndItsMakeUpSunday() {
        // day 15 is Thu 2026-01-01; Jan 1–3 are off; Sun Jan 4 is a make-up working day
        assertThat(china.endOfPeriodInDays(beijing(2025, 12, 17, 8, 0), 15)).isEqualTo(midnight(2026, 1, 5));
        assertThat(china.endOfPeriodInDays(beijing(2025, 12, 20, 8, 0), 15)).isEqualTo(midnight(2026, 1, 5));
    }

    @Test
    void nationalDay2026EndsOnTheSeventh() {
        assertThat(china.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
        assertThat(china.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
        assertThat(china.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(china.endOfPeriodInDays(beijing(2026, 9, 16, 8, 0), 15)).isEqualTo(midnight(2026, 10, 9));
    }

    @Test
    void workingDaysSkipHolidaysAndCountMakeUpDays() {
        // 20 working days from Fri 2025-09-26, across National Day and both of its make-up days
        assertThat(china.addBusinessDays(LocalDate.of(2025, 9, 26), 20)).isEqualTo(LocalDate.of(2025, 10, 30));
    }

    @Test
    void aWindowReachingAYearNotInTheTableFailsNamingTheProperty() {
        // day 15 is 2027-01-04; 2027 is not in the table
        assertThatThrownBy(() -> china.endOfPeriodInDays(beijing(2026, 12, 20, 8, 0), 15))
                .isInstanceOfSatisfying(
                        UnknownHolidayYearException.class,
                        e -> assertThat(e.year()).isEqualTo(2027))
                .hasMessageContaining("takedown.calendar.cn.years.2027")
                .hasMessageContaining("holidays-cn.yml");
        assertThatThrownBy(() -> china.isWorkingDay(LocalDate.of(2024, 6, 3)))
                .isInstanceOf(UnknownHolidayYearException.class);
    }

    @Test
    void aWindowThatOnlyStartsInAnUnknownYearIsComputed() {
        // counting never asks about 2024: day 15 is Thu 2025-01-09
        assertThat(china.endOfPeriodInDays(beijing(2024, 12, 25, 8, 0), 15)).isEqualTo(midnight(2025, 1, 10));
    }

    @Test
    void theTableNamesItsSources() {
        assertThat(china.schedules()).containsOnlyKeys(2025, 2026);
        assertThat(china.schedules().get(2025)).contains("国办发明电〔2024〕12号");
    }
}
