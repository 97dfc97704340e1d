package dev.takedown.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * When a period of calendar months that runs from a notification ends, for the complaint window of DSA Art. 20(1),
 * by the rules of Regulation (EEC, Euratom) No 1182/71: the day of the notification is not counted (Art. 3(1)); the
 * period ends with the last hour of the day of its last month that has the same date as the day of the notification,
 * or of that month's last day when it has no such date (Art. 3(2)(c): six months from 31 August end with 28 or 29
 * February). The day is the recipient's: in their time zone, and where that is not known, in the zone where that day
 * ends last ({@link #ANY_ZONE}), so that nobody's window is short. Art. 3(4)'s roll of a last day on a public holiday, Saturday or Sunday
 * is not applied (the Member State's holidays are not known); a longer {@code appeal-window} covers it.
 */
public final class ComplaintPeriods {

    /** Every whole-hour offset a day can be in, from UTC−12 to UTC+14: a recipient whose zone is not known. */
    public static final List<ZoneId> ANY_ZONE = IntStream.rangeClosed(-12, 14)
            .mapToObj(hours -> (ZoneId) ZoneOffset.ofHours(hours))
            .toList();

    private ComplaintPeriods() {}

    /** The instant the period ends in {@code zone}: 24:00 of its last day, as 00:00 of the day after. */
    public static Instant end(Instant notifiedAt, Period months, ZoneId zone) {
        LocalDate notified = notifiedAt.atZone(zone).toLocalDate();
        // plus(Period) adds the months and keeps the day of month, or takes the month's last day (Art. 3(2)(c))
        LocalDate lastDay = notified.plus(months);
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The latest end over {@code zones}: the day a recipient somewhere in them still has. */
    public static Instant end(Instant notifiedAt, Period months, List<ZoneId> zones) {
        return zones.stream()
                .map(zone -> end(notifiedAt, months, zone))
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("no zone to count the period in"));
    }
}
