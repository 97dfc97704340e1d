package dev.takedown.audit.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Appends exactly what {@link Instant#toString()} gives (ISO_INSTANT: seconds always, the fraction in groups of three
 * digits as needed) without a formatter: the verifier writes one per record. Years outside 0000–9999 take the JDK
 * path.
 */
final class IsoInstant {

    private static final long YEAR_0 = -62_167_219_200L;
    private static final long END_OF_9999 = 253_402_300_799L;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private IsoInstant() {}

    static void append(Instant at, StringBuilder out) {
        if (at.getEpochSecond() < YEAR_0 || at.getEpochSecond() > END_OF_9999) {
            out.append(at);
            return;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2);
        int nano = at.getNano();
        if (nano != 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                digits(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(out, nano / 1_000, 6);
            } else {
                digits(out, nano, 9);
            }
        }
        out.append('Z');
    }

    /**
     * The same text as {@link #append} as ASCII bytes, with the civil date computed from the epoch day (H. Hinnant's
     * days-to-civil) so no date objects are made; false, writing nothing, for years outside 0000–9999.
     */
    static boolean appendAscii(Instant at, Utf8Buffer out) {
        long second = at.getEpochSecond();
        if (second < YEAR_0 || second > END_OF_9999) {
            return false;
        }
        long days = Math.floorDiv(second, 86_400L);
        int secondOfDay = (int) Math.floorMod(second, 86_400L);
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097L;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        out.digits(year, 4);
        out.ascii('-');
        out.digits(month, 2);
        out.ascii('-');
        out.digits(day, 2);
        out.ascii('T');
        out.digits(secondOfDay / 3600, 2);
        out.ascii(':');
        out.digits(secondOfDay / 60 % 60, 2);
        out.ascii(':');
        out.digits(secondOfDay % 60, 2);
        int nano = at.getNano();
        if (nano != 0) {
            out.ascii('.');
            if (nano % 1_000_000 == 0) {
                out.digits(nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                out.digits(nano / 1_000, 6);
            } else {
                out.digits(nano, 9);
            }
        }
        out.ascii('Z');
        return true;
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        for (int divisor = POWERS[width - 1]; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }
}
