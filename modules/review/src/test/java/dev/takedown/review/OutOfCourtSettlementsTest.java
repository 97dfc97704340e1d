package dev.takedown.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.takedown.events.LiftCause;
import dev.takedown.events.OutOfCourtDecided;
import dev.takedown.events.OutOfCourtDecisionImplemented;
import dev.takedown.events.OutOfCourtReferred;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.MeasureTarget;
import dev.takedown.measures.MeasureType;
import dev.takedown.measures.MeasureView;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.OutOfCourtBodies;
import dev.takedown.notices.Verdict;
import dev.takedown.review.OutOfCourtSettlements.Implementation;
import dev.takedown.review.OutOfCourtSettlements.ImplementationRequest;
import dev.takedown.review.OutOfCourtSettlements.Outcome;
import dev.takedown.review.OutOfCourtSettlements.OutcomeRequest;
import dev.takedown.review.OutOfCourtSettlements.Party;
import dev.takedown.review.OutOfCourtSettlements.Referral;
import dev.takedown.review.OutOfCourtSettlements.ReferralRequest;
import dev.takedown.testing.EmbeddedDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * DSA Art. 21 on PostgreSQL: a referral to a configured certified body, its outcome once, and the implementation of a
 * decision that overturned ours through the measures module (lift what is in effect, or apply what the body found
 * due), each a ledger fact; the steps out of order are refused.
 */
class OutOfCourtSettlementsTest {

    private static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");
    private static final OutOfCourtBodies BODIES = new OutOfCourtBodies(
            Map.of("user-rights", new OutOfCourtBodies.Body("User Rights GmbH", "https://user-rights.example")));

    private static JdbcTemplate jdbc;

    private final NoticeCases cases = mock(NoticeCases.class);
    private final Measures measures = mock(Measures.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final OutOfCourtSettlements settlements =
            new OutOfCourtSettlements(jdbc, cases, measures, events, BODIES, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void database() {
        DriverManagerDataSource database =
                new DriverManagerDataSource(EmbeddedDatabase.freshDatabaseUrl(), "postgres", "postgres");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        jdbc = new JdbcTemplate(database);
    }

    @Test
    void aBodyThatOverturnsAMeasureHasItLiftedAndEachStepIsALedgerFact() {
        when(cases.decisions("case-1")).thenReturn(List.of(decision("d-1", "case-1", Verdict.ACCEPT)));
        when(measures.forCase("case-1")).thenReturn(List.of(measure(MeasureStatus.APPLIED)));
        when(measures.liftAll("case-1", "officer", LiftCause.OUT_OF_COURT, "overturned by User Rights GmbH (UR-7)"))
                .thenReturn(1);

        Referral referred =
                settlements.refer("case-1", new ReferralRequest("user-rights", null, "uploader", "UR-7"), "officer");
        Referral decided = settlements.decide(
                referred.referralId(), new OutcomeRequest("OVERTURNED", "the use was a parody"), "officer");
        Referral implemented =
                settlements.implement(referred.referralId(), new ImplementationRequest(List.of()), "officer");

        assertThat(referred.decisionId()).as("absent: the latest decision").isEqualTo("d-1");
        assertThat(referred.party()).isEqualTo(Party.UPLOADER);
        assertThat(referred.bodyName()).isEqualTo("User Rights GmbH");
        assertThat(decided.outcome()).isEqualTo(Outcome.OVERTURNED);
        assertThat(implemented.implementation()).isEqualTo(Implementation.LIFTED);
        assertThat(implemented.implementedAt()).isEqualTo(NOW);
        assertThat(settlements.forCase("case-1")).containsExactly(implemented);
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(events, times(3)).publishEvent(published.capture());
        assertThat(published.getAllValues())
                .satisfiesExactly(
                        e -> assertThat(e).isInstanceOfSatisfying(OutOfCourtReferred.class, r -> {
                            assertThat(r.caseId()).isEqualTo("case-1");
                            assertThat(r.bodyName()).isEqualTo("User Rights GmbH");
                            assertThat(r.party()).isEqualTo("UPLOADER");
                            assertThat(r.actor()).isEqualTo("officer");
                        }),
                        e -> assertThat(e)
                                .isInstanceOfSatisfying(
                                        OutOfCourtDecided.class,
                                        d -> assertThat(d.outcome()).isEqualTo("OVERTURNED")),
                        e -> assertThat(e).isInstanceOfSatisfying(OutOfCourtDecisionImplemented.class, i -> {
                            assertThat(i.implementation()).isEqualTo("LIFTED");
                            assertThat(i.count()).isOne();
                        }));
        assertThatThrownBy(() -> settlements.implement(referred.referralId(), null, "officer"))
                .as("once")
                .isInstanceOf(CaseStateException.class);
        assertThatThrownBy(() -> settlements.decide(referred.referralId(), new OutcomeRequest("UPHELD", null), "o"))
                .as("the outcome once")
                .isInstanceOf(CaseStateException.class);
    }

    @Test
    void aBodyThatFindsMeasuresDueWhereWeTookNoneHasThemAppliedToTheCasesTargets() {
        when(cases.decisions("case-2")).thenReturn(List.of(decision("d-2", "case-2", Verdict.REJECT)));
        when(cases.targets("case-2")).thenReturn(List.of(new CaseTarget("https://gen.example/p/2", "acct-2")));
        when(measures.forCase("case-2")).thenReturn(List.of());
        when(measures.applyPlanned("case-2")).thenReturn(1);
        Referral referred =
                settlements.refer("case-2", new ReferralRequest("user-rights", "d-2", "NOTIFIER", null), "officer");
        settlements.decide(referred.referralId(), new OutcomeRequest("OVERTURNED", null), "officer");

        assertThatThrownBy(() -> settlements.implement(
                        referred.referralId(), new ImplementationRequest(List.of("PROMPT_FILTER", "SIDEWAYS")), "o"))
                .isInstanceOfSatisfying(
                        InvalidDecisionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("measures[0]", "measures[1]"));
        Referral implemented =
                settlements.implement(referred.referralId(), new ImplementationRequest(List.of("DELETE")), "officer");

        assertThat(implemented.implementation()).isEqualTo(Implementation.APPLIED);
        verify(measures)
                .plan(
                        "case-2",
                        referred.referralId(),
                        List.of(MeasureType.DELETE),
                        List.of(new MeasureTarget("https://gen.example/p/2", "acct-2", null)),
                        null,
                        "officer",
                        false);
        verify(measures).applyPlanned("case-2");
    }

    @Test
    void anUnknownBodyPartyOrDecisionIsNamedAndAnUpheldDecisionIsNotImplemented() {
        when(cases.decisions("case-3")).thenReturn(List.of(decision("d-3", "case-3", Verdict.ACCEPT)));

        assertThatThrownBy(() -> settlements.refer("case-3", new ReferralRequest("nobody", null, "judge", null), "o"))
                .isInstanceOfSatisfying(
                        InvalidDecisionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("body_id", "party"));
        assertThatThrownBy(() -> settlements.refer(
                        "case-3", new ReferralRequest("user-rights", "d-other", "NOTIFIER", null), "o"))
                .isInstanceOfSatisfying(
                        InvalidDecisionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("decision_id"));
        Referral referred =
                settlements.refer("case-3", new ReferralRequest("user-rights", null, "NOTIFIER", null), "o");
        assertThatThrownBy(() -> settlements.implement(referred.referralId(), null, "o"))
                .as("undecided")
                .isInstanceOf(CaseStateException.class);
        settlements.decide(referred.referralId(), new OutcomeRequest("upheld", null), "o");
        assertThatThrownBy(() -> settlements.implement(referred.referralId(), null, "o"))
                .as("our decision stands")
                .isInstanceOf(CaseStateException.class);
        verify(measures, never()).liftAll(anyString(), anyString(), any(), anyString());
        verify(measures, never()).plan(anyString(), anyString(), any(), any(), any(), anyString(), anyBoolean());
    }

    private static CaseDecision decision(String id, String caseId, Verdict verdict) {
        return new CaseDecision(id, caseId, "t-" + id, DecisionKind.REVIEW, verdict, List.of(), null, "mod", NOW);
    }

    private static MeasureView measure(MeasureStatus status) {
        return new MeasureView(
                "m-1",
                "case-1",
                MeasureType.DELETE,
                "https://gen.example/p/1",
                null,
                status,
                NOW,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
