package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import org.junit.jupiter.api.Test;

/** Configuration can keep records longer than the law asks, never shorter: the start fails naming setting and floor. */
class RetentionPropertiesTest {

    private static final Period SIX_MONTHS = Period.ofMonths(6);

    @Test
    void theDefaultsAndTheFloorsThemselvesStart() {
        assertThatCode(() ->
                        new RetentionProperties(Period.ofYears(3), SIX_MONTHS, Period.ofYears(3), Period.ofMonths(6)))
                .doesNotThrowAnyException();
        assertThatCode(() -> new RetentionProperties(SIX_MONTHS, SIX_MONTHS, SIX_MONTHS, Period.ofMonths(6)))
                .doesNotThrowAnyException();
        assertThatCode(() -> new RetentionProperties(
                        Period.ofDays(184), Period.ofMonths(7), Period.ofYears(1), Period.ofMonths(6)))
                .as("184 days reach past six calendar months from any day")
                .doesNotThrowAnyException();
    }

    @Test
    void accessLogsBelowSixMonthsStopTheStart() {
        assertThatThrownBy(() -> new RetentionProperties(
                        Period.ofYears(3), Period.ofMonths(5), Period.ofYears(3), Period.ofMonths(6)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takedown.audit.retention.access-logs is P5M, below the legal minimum of P6M")
                .hasMessageContaining("Cybersecurity Law Art. 21");
    }

    @Test
    void caseFilesAndInboundNoticesBelowSixMonthsStopTheStartEachNamed() {
        assertThatThrownBy(() ->
                        new RetentionProperties(Period.ofDays(90), SIX_MONTHS, Period.ofMonths(3), Period.ofMonths(6)))
                .hasMessageContaining("takedown.audit.retention.case-files is P90D, below the legal minimum of P6M")
                .hasMessageContaining(
                        "takedown.audit.retention.inbound-notices is P3M, below the legal minimum of P6M");
    }

    @Test
    void daysThatFallShortOfSixMonthsFromSomeStartDayAreRefused() {
        // 181 days are six months from 1 January in a common year, but not from 1 March (six months: 184 days)
        assertThatThrownBy(() -> new RetentionProperties(
                        Period.ofYears(3), Period.ofDays(181), Period.ofYears(3), Period.ofMonths(6)))
                .hasMessageContaining("takedown.audit.retention.access-logs is P181D");
        assertThatThrownBy(() -> new RetentionProperties(
                        Period.ofYears(3), Period.parse("P5M29D"), Period.ofYears(3), Period.ofMonths(6)))
                .hasMessageContaining("takedown.audit.retention.access-logs is P5M29D");
    }

    @Test
    void unlabelledOutputLogsBelowSixMonthsStopTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new RetentionProperties(
                        Period.ofYears(3), SIX_MONTHS, Period.ofYears(3), Period.parse("P5M30D")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "takedown.audit.retention.unlabelled-outputs is P5M30D, below the legal minimum of P6M")
                .hasMessageContaining("Labelling Measures Art. 9");
        assertThatCode(() ->
                        new RetentionProperties(Period.ofYears(3), SIX_MONTHS, Period.ofYears(3), Period.ofYears(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingOrZeroPeriodIsRefused() {
        assertThatThrownBy(() -> new RetentionProperties(Period.ZERO, SIX_MONTHS, SIX_MONTHS, Period.ofMonths(6)))
                .hasMessageContaining("takedown.audit.retention.case-files must be a positive period of at least P6M");
    }
}
