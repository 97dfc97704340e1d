package dev.takedown.audit.internal;

import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code takedown.audit.reports.*}.
 *
 * @param sla               review target a first-instance decision breaches when later
 * @param activeRecipients  DSA Art. 24(2): the platform's average monthly active recipients in the Union, as it
 *                          counted them, by month ({@code "2026-01": 1200000}); a month without a figure is reported as
 *                          missing. Checked at start: a month must read {@code YYYY-MM} and a figure be at least 0
 * @param recipientsMethod  how the platform counted them (what makes a recipient active, how duplicates across devices
 *                          are removed), shown next to the figure; required once a month is given
 */
@ConfigurationProperties("takedown.audit.reports")
public record ReportProperties(
        @DefaultValue("PT24H") Duration sla, Map<String, Long> activeRecipients, String recipientsMethod) {

    public ReportProperties {
        SortedMap<String, Long> months = new TreeMap<>();
        (activeRecipients == null ? Map.<String, Long>of() : activeRecipients).forEach((month, count) -> {
            try {
                months.put(YearMonth.parse(month).toString(), count);
            } catch (DateTimeParseException notAMonth) {
                throw new IllegalArgumentException(
                        "takedown.audit.reports.active-recipients: '" + month + "' is not a month (YYYY-MM)");
            }
            if (count == null || count < 0) {
                throw new IllegalArgumentException(
                        "takedown.audit.reports.active-recipients." + month + " must be a count of at least 0");
            }
        });
        if (!months.isEmpty() && (recipientsMethod == null || recipientsMethod.isBlank())) {
            throw new IllegalArgumentException("takedown.audit.reports.recipients-method must say how the"
                    + " platform counted its active recipients");
        }
        activeRecipients = months;
    }
}
