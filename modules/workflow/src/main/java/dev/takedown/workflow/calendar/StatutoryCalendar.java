package dev.takedown.workflow.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Which days count as working days in a jurisdiction, and the two period computations the law needs. */
public interface StatutoryCalendar {

    /** The zone in which the jurisdiction's days begin and end. */
    ZoneId zone();

    /**
     * Whether {@code date} is a working day.
     *
     * @throws UnknownHolidayYearException if the calendar cannot know (a year missing from a configured table)
     */
    boolean isWorkingDay(LocalDate date);

    /**
     * The end of a period of {@code days} days that starts at {@code start}, as the instant 24:00 of its last day.
     * CN Civil Code Art. 201: the day of the triggering event is not counted, counting begins the next day (in
     * {@link #zone()}); Art. 203: a last day that is a statutory rest day moves to the next working day, and the
     * period ends at 24:00 of the last day (returned as 00:00 of the day after).
     */
    default ZonedDateTime endOfPeriodInDays(ZonedDateTime start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a period has at least one day, not " + days);
        }
        LocalDate lastDay = start.withZoneSameInstant(zone()).toLocalDate().plusDays(days);
        while (!isWorkingDay(lastDay)) {
            lastDay = lastDay.plusDays(1);
        }
        return lastDay.plusDays(1).atStartOfDay(zone());
    }

    /**
     * The {@code n}-th working day after {@code start}; {@code start} itself is not counted. 17 U.S.C.
     * 512(g)(2)(C): restore "not less than 10, nor more than 14, business days following receipt" of the
     * counter-notice.
     */
    default LocalDate addBusinessDays(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count at least one business day, not " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
