package dev.takedown.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.ProfilePolicies;
import dev.takedown.workflow.calendar.ChinaCalendar;
import dev.takedown.workflow.calendar.StatutoryCalendars;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CaseDeadlinesTest {

    private static final ProfilePolicies.Policy POLICY =
            new ProfilePolicies.Policy(true, Duration.ofDays(14), 15, null, false, Period.ofMonths(6));
    private static final Instant NOW = Instant.parse("2026-12-20T00:00:00Z");

    private final NoticeCases cases = mock(NoticeCases.class);
    private final StatutoryCalendars calendars = mock(StatutoryCalendars.class);
    private final CaseDeadlines deadlines = new CaseDeadlines(cases, calendars, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aMissingHolidayTableExtendsTheChineseWaitInsteadOfStoppingTheCase() {
        Instant delivered = OffsetDateTime.parse("2026-12-20T10:00+08:00").toInstant();
        when(cases.timers("c"))
                .thenReturn(new CaseTimers(
                        JurisdictionProfile.CN_CC_1195, POLICY, 1, NOW, NOW, delivered, delivered, null));
        when(calendars.china())
                .thenReturn(ChinaCalendar.fromYaml(new ByteArrayInputStream("""
                takedown:
                  calendar:
                    cn:
                      years:
                        2026:
                          source: test table without 2027
                          holidays: []
                          make-up-working-days: []
                """.getBytes(StandardCharsets.UTF_8))));

        assertThat(deadlines.restoreAt("c").toInstant())
                .isEqualTo(OffsetDateTime.parse("2027-01-14T00:00+08:00").toInstant());
    }

    @Test
    void theCurePeriodRunsFromTheFirstRequestNotFromEachImprovement() {
        Instant firstRequest = NOW.minus(Duration.ofDays(10));
        when(cases.timers("c"))
                .thenReturn(new CaseTimers(
                        JurisdictionProfile.US_DMCA, POLICY, 1, firstRequest, null, null, null, firstRequest));

        assertThat(deadlines.cureEnds("c").toInstant()).isEqualTo(firstRequest.plus(Duration.ofDays(14)));
    }

    @Test
    void demoCompressionShortensOnlyTheRemainingWait() {
        when(cases.timers("c"))
                .thenReturn(new CaseTimers(JurisdictionProfile.US_DMCA, POLICY, 1440, NOW, NOW, null, null, NOW));

        assertThat(deadlines.cureEnds("c").toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(14)));
    }

    @Test
    void europeanCasesHaveNoCounterNoticeWait() {
        when(cases.timers("c"))
                .thenReturn(new CaseTimers(JurisdictionProfile.EU_DSA, POLICY, 1, NOW, NOW, NOW, NOW, null));

        assertThatThrownBy(() -> deadlines.restoreAt("c")).isInstanceOf(IllegalStateException.class);
    }
}
