package dev.takedown.audit.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code takedown.audit.retention.*}: how long each record class is kept (R34: ≥ 6 months for logs, 3 years for case
 * files by house policy). Each class has a legal minimum (T12) that configuration cannot go below: a shorter period
 * stops the start, naming the setting and its floor. Periods are calendar months and years, counted back from the
 * purge run in UTC.
 * The daily "what is due" report runs at {@code takedown.audit.retention.check-cron} (default 03:30), the purge of
 * due content at {@code takedown.audit.retention.purge-cron} (default 03:45; {@code -} turns it off).
 *
 * @param caseFiles      a case's records after its last one: Algorithm Measures Art. 5 keeps notices 6 months
 * @param accessLogs     who viewed what: network logs at least 6 months (Cybersecurity Law Art. 21)
 * @param inboundNotices notices as filed by portals: 6 months (Algorithm Measures Art. 5)
 * @param unlabelledOutputs outputs provided without the explicit label under the user agreement's exception: at least
 *                       6 months (Labelling Measures Art. 9)
 */
@ConfigurationProperties("takedown.audit.retention")
public record RetentionProperties(
        @DefaultValue("P3Y") Period caseFiles,
        @DefaultValue("P6M") Period accessLogs,
        @DefaultValue("P3Y") Period inboundNotices,
        @DefaultValue("P6M") Period unlabelledOutputs) {

    static final Period CASE_FILES_FLOOR = Period.ofMonths(6);
    static final Period ACCESS_LOGS_FLOOR = Period.ofMonths(6);
    static final Period INBOUND_NOTICES_FLOOR = Period.ofMonths(6);
    static final Period UNLABELLED_OUTPUTS_FLOOR = Period.ofMonths(6);

    public RetentionProperties {
        List<String> problems = new ArrayList<>();
        floor("case-files", caseFiles, CASE_FILES_FLOOR, "Algorithm Measures Art. 5", problems);
        floor("access-logs", accessLogs, ACCESS_LOGS_FLOOR, "Cybersecurity Law Art. 21", problems);
        floor("inbound-notices", inboundNotices, INBOUND_NOTICES_FLOOR, "Algorithm Measures Art. 5", problems);
        floor("unlabelled-outputs", unlabelledOutputs, UNLABELLED_OUTPUTS_FLOOR, "Labelling Measures Art. 9", problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Retention below the legal minimum: " + String.join("; ", problems));
        }
    }

    /**
     * Compared on the longest date arithmetic can make of each period, so that {@code P5M30D} does not pass for six
     * months: a period is at least the floor only if it reaches as far from every start day of a 4-year cycle.
     */
    private static void floor(String name, Period period, Period floor, String law, List<String> problems) {
        String setting = "takedown.audit.retention." + name;
        if (period == null || period.isNegative() || period.isZero()) {
            problems.add(setting + " must be a positive period of at least " + floor + " (" + law + ")");
            return;
        }
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 4 * 366; i++, day = day.plusDays(1)) {
            if (day.plus(period).isBefore(day.plus(floor))) {
                problems.add(setting + " is " + period + ", below the legal minimum of " + floor + " (" + law + ")");
                return;
            }
        }
    }
}
