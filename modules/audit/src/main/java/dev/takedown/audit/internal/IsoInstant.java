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

    private IsoInstant() {
    }

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

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        for (int divisor = POWERS[width - 1]; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }
}
