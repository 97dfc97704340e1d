package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DSA Art. 20(1) complaint windows, counted as Reg. 1182/71 Art. 3(2)(c) counts months: to the end of the day with the
 * same date as the notification, or of the last day of a month that has no such date.
 */
class ComplaintPeriodsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "notified {0}, {1} → ends {2}")
    @CsvSource({
        // no 31 February: the window ends with the last day of February, 28 in a common year ...
        "2026-08-31T10:00+02:00, P6M, 2027-03-01T00:00+01:00",
        // ... 29 in a leap year
        "2027-08-31T10:00+02:00, P6M, 2028-03-01T00:00+01:00",
        // the day after: 1 September runs to the end of 1 March
        "2026-09-01T10:00+02:00, P6M, 2027-03-02T00:00+01:00",
        // from 28 February to the end of 28 August, not to the end of August
        "2027-02-28T10:00+01:00, P6M, 2027-08-29T00:00+02:00",
        // from 29 February of a leap year to the end of 29 August
        "2028-02-29T10:00+01:00, P6M, 2028-08-30T00:00+02:00",
        // month ends: 31 March to 30 September (no 31st), 30 April to 30 October (not the 31st)
        "2026-03-31T10:00+02:00, P6M, 2026-10-01T00:00+02:00",
        "2026-04-30T10:00+02:00, P6M, 2026-10-31T00:00+01:00",
        // 31 October to 30 April
        "2026-10-31T10:00+01:00, P6M, 2027-05-01T00:00+02:00",
        // a longer configured window counts the same way
        "2026-08-31T10:00+02:00, P7M, 2027-04-01T00:00+02:00",
        // just before midnight the notification day is still 31 August in Berlin, whatever UTC says
        "2026-08-31T23:30+02:00, P6M, 2027-03-01T00:00+01:00",
        // just after midnight it is 1 September
        "2026-09-01T00:10+02:00, P6M, 2027-03-02T00:00+01:00",
    })
    void monthsEndWithTheCorrespondingDayInTheRecipientsZone(
            OffsetDateTime notified, Period months, OffsetDateTime end) {
        assertThat(ComplaintPeriods.end(notified.toInstant(), months, BERLIN)).isEqualTo(end.toInstant());
    }

    @ParameterizedTest(name = "notified {0} → ends {1} somewhere")
    @CsvSource({
        // 31 Aug 23:00 UTC is already 1 September east of UTC+1: the recipient may be there, so 1 March counts,
        // to its end where it ends last (UTC−12 still has 31 August: its 28 February ends earlier)
        "2026-08-31T23:00:00Z, 2027-03-02T00:00+01:00",
        // 1 Sep 04:00 UTC is 1 September from UTC−4 eastwards; UTC−4's 1 March ends last
        "2026-09-01T04:00:00Z, 2027-03-02T00:00-04:00",
    })
    void aRecipientWhoseZoneIsUnknownGetsTheLatestDayAnyZoneHas(Instant notified, OffsetDateTime end) {
        assertThat(ComplaintPeriods.end(notified, Period.ofMonths(6), ComplaintPeriods.ANY_ZONE))
                .isEqualTo(end.toInstant());
    }
}
