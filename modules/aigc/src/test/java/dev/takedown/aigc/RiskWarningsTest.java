package dev.takedown.aigc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.CaseTargets;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NoticeIncompleteException;
import dev.takedown.notices.TargetType;
import dev.takedown.testing.EmbeddedDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each target's uploader had been warned of: the latest acknowledgement the platform reported at or before the
 * output was generated (or, without a generation time, before the notice arrived). The case's targets come from the
 * notices module, here a mock of its {@link NoticeCases}; the table is the real one (notices' migration), on
 * PostgreSQL.
 */
class RiskWarningsTest {

    private static final Instant RECEIVED = Instant.parse("2025-08-01T00:00:00Z");
    private static JdbcTemplate jdbc;

    private final NoticeCases cases = mock(NoticeCases.class);
    private final RiskWarnings warnings =
            new RiskWarnings(jdbc, cases, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(EmbeddedDatabase.migrated("classpath:db/migration/notices"));
    }

    @Test
    void eachTargetShowsTheLatestWarningItsUploaderHadSeenWhenTheOutputWasGenerated() {
        String account = "acct-warned-" + UUID.randomUUID();
        String other = "acct-other-" + UUID.randomUUID();
        warnings.record(ack(account, "UA-3", "RW-1", "2025-05-01T00:00:00Z"), "platform");
        warnings.record(ack(account, "UA-4", "RW-2", "2025-07-01T00:00:00Z"), "platform");
        warnings.record(ack(account, " UA-5 ", "RW-3", "2025-06-01T00:00:00Z"), "kafka:takedown.risk-warnings");
        warnings.record(ack(other, "UA-9", "RW-9", "2025-09-01T00:00:00Z"), "platform");
        String caseId = UUID.randomUUID().toString();
        when(cases.findTargets(caseId))
                .thenReturn(Optional.of(new CaseTargets(
                        RECEIVED,
                        List.of(
                                new CaseTarget(
                                        "https://gen.example/o/1",
                                        account,
                                        TargetType.GENERATED_OUTPUT,
                                        "P-9",
                                        null,
                                        null,
                                        Instant.parse("2025-06-15T00:00:00Z")),
                                new CaseTarget("https://gen.example/o/2", null),
                                new CaseTarget("https://gen.example/o/3", other),
                                new CaseTarget("https://gen.example/o/4", account)))));

        List<RiskWarnings.TargetWarning> seen = warnings.forCase(caseId);

        assertThat(seen)
                .as("targets without an uploader account have nothing to show")
                .extracting(RiskWarnings.TargetWarning::targetIndex)
                .containsExactly(0, 2, 3);
        assertThat(seen.get(0).acknowledgement().riskWarningVersion())
                .as("the latest seen before generation, not the latest reported")
                .isEqualTo("RW-3");
        assertThat(seen.get(0).acknowledgement().agreementVersion()).isEqualTo("UA-5");
        assertThat(seen.get(1).acknowledgement())
                .as("a warning shown after the notice arrived came too late")
                .isNull();
        assertThat(seen.get(2).acknowledgement().riskWarningVersion())
                .as("without a generation time, what was seen before the notice arrived")
                .isEqualTo("RW-2");
    }

    @Test
    void anIncompleteReportNamesEveryFieldAndIsNotKept() {
        assertThat(RiskWarnings.problems(ack("", "", "RW-2", "last tuesday")))
                .extracting(FieldProblem::field)
                .containsExactly("account_id", "agreement_version", "shown_at");
        assertThat(RiskWarnings.problems(ack("a".repeat(201), "UA", "RW", "2025-01-01T00:00:00Z")))
                .extracting(FieldProblem::field)
                .containsExactly("account_id");
        assertThat(RiskWarnings.problems(null)).extracting(FieldProblem::field).containsExactly("$");
        long before = jdbc.queryForObject("select count(*) from risk_warning_ack", Long.class);
        assertThatThrownBy(() -> warnings.record(ack("acct", "", "RW", "2025-01-01T00:00:00Z"), "platform"))
                .isInstanceOf(NoticeIncompleteException.class);
        assertThat(jdbc.queryForObject("select count(*) from risk_warning_ack", Long.class))
                .isEqualTo(before);

        String unknown = UUID.randomUUID().toString();
        when(cases.findTargets(unknown)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> warnings.forCase(unknown)).isInstanceOf(CaseNotFoundException.class);
    }

    static RiskWarnings.Acknowledgement ack(String account, String agreement, String warning, String shownAt) {
        return new RiskWarnings.Acknowledgement(account, agreement, warning, shownAt);
    }
}
