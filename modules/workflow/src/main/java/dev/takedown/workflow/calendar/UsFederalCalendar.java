package dev.takedown.workflow.calendar;

import static java.time.temporal.TemporalAdjusters.dayOfWeekInMonth;
import static java.time.temporal.TemporalAdjusters.lastInMonth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.stream.Stream;

/**
 * US business days: Monday to Friday except the legal public holidays of 5 U.S.C. 6103(a) on their observed dates
 * (a Saturday holiday is observed the Friday before, a Sunday one the Monday after: 5 U.S.C. 6103(b), Executive
 * Order 11582). 17 U.S.C. 512(g) does not define "business days"; federal holidays are the engine's reading.
 * Holidays are fixed by statute, so they are computed, not configured; one-off closures by executive order (e.g.
 * a Christmas Eve) and Inauguration Day (Washington DC area only) are not included.
 */
public final class UsFederalCalendar implements StatutoryCalendar {

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    @Override
    public ZoneId zone() {
        return EASTERN;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        // the next New Year's Day, when on a Saturday, is observed on December 31
        return Stream.concat(observedHolidays(date.getYear()), observedHolidays(date.getYear() + 1))
                .noneMatch(date::equals);
    }

    private static Stream<LocalDate> observedHolidays(int year) {
        Stream<LocalDate> holidays = Stream.of(
                LocalDate.of(year, Month.JANUARY, 1),
                LocalDate.of(year, Month.JANUARY, 1).with(dayOfWeekInMonth(3, DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.FEBRUARY, 1).with(dayOfWeekInMonth(3, DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.MAY, 1).with(lastInMonth(DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.JULY, 4),
                LocalDate.of(year, Month.SEPTEMBER, 1).with(dayOfWeekInMonth(1, DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.OCTOBER, 1).with(dayOfWeekInMonth(2, DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.NOVEMBER, 11),
                LocalDate.of(year, Month.NOVEMBER, 1).with(dayOfWeekInMonth(4, DayOfWeek.THURSDAY)),
                LocalDate.of(year, Month.DECEMBER, 25));
        // Juneteenth National Independence Day Act, Pub. L. 117-17 (2021)
        Stream<LocalDate> juneteenth = year >= 2021 ? Stream.of(LocalDate.of(year, Month.JUNE, 19)) : Stream.empty();
        return Stream.concat(holidays, juneteenth).map(UsFederalCalendar::observed);
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }
}
