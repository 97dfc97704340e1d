package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.correspondence.Correspondence;
import dev.takedown.correspondence.LetterKind;
import dev.takedown.correspondence.LetterView;
import dev.takedown.correspondence.PartyRole;
import dev.takedown.events.AccountRestored;
import dev.takedown.events.AppealDecided;
import dev.takedown.events.AuthorityNotified;
import dev.takedown.events.CounterNoticeDelivered;
import dev.takedown.events.CriminalOffenceFlagged;
import dev.takedown.events.LiftCause;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.NoticeAcknowledged;
import dev.takedown.events.NoticeCured;
import dev.takedown.events.NoticeDecided;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.PartiesNotified;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.ProceedingsConcluded;
import dev.takedown.evidence.EvidenceFiles;
import dev.takedown.kernel.Caller;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.testing.EmbeddedDatabase;
import dev.takedown.testing.MovingClock;
import dev.takedown.testing.NoticeJson;
import dev.takedown.works.ProtectedWorks;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The lifecycle API on the notices module alone and a real PostgreSQL: every step and the history entry it leaves,
 * repeated steps that change nothing, decisions stored once with the outcome derived from them, notices that joined a
 * case, the cure loop, the letters each party gets (correspondence is real; no mail server, so they stay queued), the
 * counter-notice copy and the delivery that starts the Chinese wait, and the events each step publishes. The other
 * modules' beans the module uses are mocks.
 */
@ApplicationModuleTest(extraIncludes = {"correspondence", "misuse", "notifiers"})
@TestPropertySource(
        properties = {
            "takedown.links.secret=a-secret-for-the-module-test-only-0123456789",
            "spring.kafka.listener.auto-startup=false",
            "spring.jpa.properties.hibernate.jdbc.time_zone=UTC",
            "spring.flyway.out-of-order=true",
            "takedown.profiles.CN_REGS_2013.enabled=true"
        })
class CaseLifecycleTest {

    private static final String MODERATOR = "moderator";
    private static final String SENIOR = "senior";
    private static final RestrictionScopes.Scope GERMANY_UNTIL_NEW_YEAR =
            new RestrictionScopes.Scope(List.of("DE"), LocalDate.parse("2025-12-31"));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }

    @TestConfiguration
    static class Time {

        // declared as a Clock: a module test drops beans whose declared type lies in another module's package
        @Bean
        Clock clock() {
            return new MovingClock(Instant.parse("2025-09-19T01:00:00Z"));
        }
    }

    @MockitoBean
    ProtectedWorks works;

    @MockitoBean
    EvidenceFiles evidence;

    /** The workflow module provides it from the engine's timers and tasks. */
    @MockitoBean
    RunningDeadlines deadlines;

    /** The workflow module provides it from the measures in effect. */
    @MockitoBean
    RestrictionScopes scopes;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    dev.takedown.misuse.Misuse misuse;

    @Autowired
    dev.takedown.notifiers.Registries registries;

    @Autowired
    NoticeIntake intake;

    @Autowired
    NoticeCases cases;

    @Autowired
    CounterNotices counterNotices;

    @Autowired
    UploaderCases uploaderCases;

    @Autowired
    Correspondence correspondence;

    @Autowired
    ObjectMapper json;

    @Autowired
    dev.takedown.notices.internal.UnconfirmedNotices unconfirmed;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory persistence;

    @Autowired
    MovingClock clock;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    // --- every step once, and only once ----------------------------------------------------------------------------

    @Test
    void aCaseGoesFromReceiptToClosingAndARepeatedStepChangesNothing(PublishedEvents events) {
        String caseId = file("org-a", NoticeJson.complete("CN_CC_1195").account("acct-1"));

        // each step twice, as a retried job or a redelivered event takes it
        lifecycle.queueForReview(caseId);
        lifecycle.queueForReview(caseId);
        CaseDecision decision = lifecycle.decide(
                caseId, "task-" + caseId, Verdict.ACCEPT, List.of("DELETE"), "copies the work", MODERATOR);
        assertThat(lifecycle.decide(
                        caseId, "task-" + caseId, Verdict.ACCEPT, List.of("DELETE"), "copies the work", MODERATOR))
                .isEqualTo(decision);
        lifecycle.recordMeasuresApplied(caseId, 1);
        lifecycle.recordMeasuresApplied(caseId, 1);
        Instant removedAt = Instant.parse("2026-03-02T08:00:07.250Z");
        lifecycle.recordMeasuresEnforced(caseId, removedAt);
        lifecycle.recordMeasuresEnforced(caseId, removedAt);
        lifecycle.notifyDecision(caseId);
        lifecycle.notifyDecision(caseId);
        lifecycle.close(caseId);
        lifecycle.close(caseId);

        CaseView view = view(caseId, "org-a");
        assertThat(view.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(view.outcome()).isEqualTo(CaseOutcome.ACTION_TAKEN);
        assertThat(view.history())
                .extracting(CaseView.HistoryEntry::status, CaseView.HistoryEntry::actor, CaseView.HistoryEntry::note)
                .containsExactly(
                        tuple(CaseStatus.RECEIVED, "holder@org-a", "via API"),
                        tuple(CaseStatus.UNDER_REVIEW, "system", "complete under its profiles; queued for review"),
                        tuple(CaseStatus.DECIDED_ACTION, MODERATOR, "accepted: DELETE — copies the work"),
                        tuple(CaseStatus.MEASURE_APPLIED, "system", "1 measure(s) sent to the platform"),
                        tuple(
                                CaseStatus.MEASURE_ENFORCED,
                                "system",
                                "every measure confirmed in effect by the platform at 2026-03-02T08:00:07.250Z"),
                        tuple(CaseStatus.NOTIFIED, "system", "decision sent to the parties"),
                        tuple(CaseStatus.CLOSED, "system", "case closed"));
        assertThat(kinds(caseId))
                .containsExactlyInAnyOrder("DECISION→notifier:legal@a.test", "FORWARDED_NOTICE→uploader-of:acct-1");
        assertThat(storedDecisions(caseId)).isEqualTo(1);
        assertThat(cases.timers(caseId).notifiedAt()).isEqualTo(clock.instant());

        assertThat(of(events, NoticeDecided.class)).singleElement().satisfies(decided -> {
            assertThat(decided.caseId()).isEqualTo(caseId);
            assertThat(decided.outcome()).isEqualTo("ACCEPT");
            assertThat(decided.measures()).containsExactly("DELETE");
            assertThat(decided.actor()).isEqualTo(MODERATOR);
        });
        assertThat(of(events, PartiesNotified.class)).singleElement().satisfies(notified -> {
            assertThat(notified.outcome()).isEqualTo("ACTION_TAKEN");
            assertThat(notified.recipients()).containsExactly("notifier:legal@a.test", "uploader-of:acct-1");
        });
    }

    /** DSA Art. 18: the flag and the authority's notification are facts on the case's history and its ledger. */
    @Test
    void aFlaggedSuspicionAndTheAuthoritysNotificationAreFactsOfTheCase(PublishedEvents events) {
        String caseId = file("org-a", NoticeJson.complete("CN_CC_1195"));
        lifecycle.queueForReview(caseId);

        String flagId = lifecycle.flagCriminalOffence(caseId, MODERATOR, "threatens to hurt the author");
        Instant phoned = clock.instant().minusSeconds(600);
        lifecycle.recordAuthorityNotified(caseId, "officer", flagId, "Landeskriminalamt Berlin", phoned, "LKA-42");

        assertThat(of(events, CriminalOffenceFlagged.class)).singleElement().satisfies(flag -> {
            assertThat(flag.eventId()).hasToString(flagId);
            assertThat(flag.caseId()).isEqualTo(caseId);
            assertThat(flag.actor()).isEqualTo(MODERATOR);
            assertThat(flag.reason()).isEqualTo("threatens to hurt the author");
            assertThat(flag.eventType().topic()).isEqualTo("takedown.notice-events");
        });
        assertThat(of(events, AuthorityNotified.class))
                .singleElement()
                .isEqualTo(new AuthorityNotified(
                        of(events, AuthorityNotified.class).get(0).eventId(),
                        clock.instant(),
                        caseId,
                        "officer",
                        flagId,
                        "Landeskriminalamt Berlin",
                        phoned,
                        "LKA-42"));
        CaseView seenByTheNotifier = view(caseId, "org-a");
        assertThat(seenByTheNotifier.history())
                .as("the parties read the history: nobody is tipped off")
                .extracting(CaseView.HistoryEntry::actor)
                .doesNotContain(MODERATOR, "officer");
        assertThat(seenByTheNotifier.status())
                .as("the report to the authority changes nothing in the notice's own lifecycle")
                .isEqualTo(CaseStatus.UNDER_REVIEW);
    }

    /** DSA Art. 16(4) on every channel: the answer, and for Kafka a receipt keyed like the inbound record. */
    @Test
    void aKafkaNoticeIsAcknowledgedOnTheReplyTopicOnceAndEveryAnswerCarriesThePublishedTimes(PublishedEvents events) {
        Submitter portal = new Submitter("portal:org-k", "org-k", Submitter.Channel.KAFKA);
        NoticeSubmission notice = submission(NoticeJson.complete("CN_CC_1195"));

        IntakeResult first = intake.submit(notice, portal, "record-1", false);
        IntakeResult redelivered = intake.submit(notice, portal, "record-1", false);

        assertThat(redelivered.replayed()).isTrue();
        assertThat(first.receivedAt()).isEqualTo(clock.instant());
        assertThat(first.responseTimes().times())
                .containsEntry("review.standard", "PT24H")
                .containsKey("CN_CC_1195.appeal-window");
        assertThat(redelivered.responseTimes()).isEqualTo(first.responseTimes());
        assertThat(of(events, NoticeAcknowledged.class))
                .as("one receipt, keyed like the inbound record; the redelivery opens nothing and is not acknowledged")
                .singleElement()
                .satisfies(receipt -> {
                    assertThat(receipt.key()).isEqualTo("org-k:record-1");
                    assertThat(receipt.caseId()).isEqualTo(first.caseId());
                    assertThat(receipt.receivedAt()).isEqualTo(first.receivedAt());
                    assertThat(receipt.responseTimes())
                            .isEqualTo(first.responseTimes().times());
                    assertThat(receipt.eventType().topic()).isEqualTo("takedown.notices.receipts");
                });

        file("org-a", NoticeJson.complete("CN_CC_1195"));
        assertThat(of(events, NoticeAcknowledged.class))
                .as("an API notice is answered in its response, not on the reply topic")
                .hasSize(1);
    }

    @Test
    void theUploaderIsForwardedTheNoticeInItsProfilesLanguageAndTheNotifierReadsItsOwn() {
        String caseId = file(
                "org-a", NoticeJson.complete("CN_CC_1195").account("acct-cn").language("en"));
        decideAndNotify(caseId, Verdict.ACCEPT, List.of("DELETE"), "copies the work");

        assertThat(cases.letters(caseId))
                .as("DSA Art. 16(4): the notifier is told at once that its notice arrived")
                .filteredOn(letter -> letter.kind() == LetterKind.RECEIPT)
                .singleElement()
                .satisfies(receipt -> {
                    assertThat(recipient(receipt)).isEqualTo("notifier:legal@a.test");
                    assertThat(receipt.subject()).isEqualTo("We received your notice " + caseId);
                    assertThat(receipt.body())
                            .contains("its reference is " + caseId, "/api/response-times", "- review.standard: PT24H")
                            .containsPattern("- CN_CC_1195\\.appeal-window: P\\d+M");
                });
        List<LetterView> sent = told(caseId);
        assertThat(sent)
                .filteredOn(n -> n.kind() == LetterKind.DECISION)
                .singleElement()
                .satisfies(n -> assertThat(n.body()).contains("Measures taken: DELETE", "Reasons: copies the work"));
        assertThat(sent)
                .filteredOn(n -> n.kind() == LetterKind.FORWARDED_NOTICE)
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.subject()).isEqualTo("关于您内容的通知");
                    assertThat(n.body()).contains("(a) 措施", "DELETE", "《民法典》第1196条");
                    // the statement's items from the case: a notice, a moderator, the law of its profile
                    assertThat(n.body())
                            .contains(
                                    "通知与处理机制",
                                    "(c) 自动化手段：无",
                                    "(d) 法律依据：COPYRIGHT (CN_CC_1195: PRC Civil Code Art. 1195)")
                            .doesNotContain("侵害知识产权");
                    assertThat(n.opens()).containsPattern("/u/[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$");
                });
        String link = sent.stream()
                .filter(n -> n.kind() == LetterKind.FORWARDED_NOTICE)
                .findFirst()
                .orElseThrow()
                .opens();
        assertThat(uploaderCases.forwarded(link.substring(link.indexOf("/u/") + 3)))
                .hasValueSatisfying(forwarded -> {
                    assertThat(forwarded.caseId()).isEqualTo(caseId);
                    assertThat(forwarded.counterNoticeLink())
                            .as("the letter's link reads; the page offers the answers")
                            .isNotNull();
                    assertThat(forwarded.appealLink()).isNotNull();
                    assertThat(forwarded.measures()).containsExactly("DELETE");
                    assertThat(forwarded.statementOfReasons()).contains("(f) 救济");
                });

        String euCase =
                file("org-a", NoticeJson.complete("EU_DSA").account("acct-eu").language("zh-CN"));
        decideAndNotify(euCase, Verdict.REJECT, List.of(), "戏仿");
        assertThat(told(euCase)).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("对您通知的处理结果：未采取措施");
            assertThat(n.body()).contains("理由：戏仿", "庭外争议解决");
        });
    }

    // --- escalation --------------------------------------------------------------------------------------------

    @Test
    void aReviewIsEscalatedByTheDeadlineOrByAModeratorWithAReason() {
        String overdue = queued("org-a");
        lifecycle.escalateOverdueReview(overdue, "SENIOR_MODERATOR");
        lifecycle.escalateOverdueReview(overdue, "SENIOR_MODERATOR");

        String handedOver = queued("org-a");
        lifecycle.escalate(handedOver, "SENIOR_MODERATOR", MODERATOR, "a model owner's appeal history");

        assertThat(last(overdue))
                .isEqualTo(new CaseView.HistoryEntry(
                        CaseStatus.ESCALATED,
                        "system",
                        "review deadline passed; escalated to SENIOR_MODERATOR",
                        clock.instant()));
        assertThat(statuses(overdue)).containsOnlyOnce(CaseStatus.ESCALATED);
        assertThat(last(handedOver))
                .isEqualTo(new CaseView.HistoryEntry(
                        CaseStatus.ESCALATED,
                        MODERATOR,
                        "escalated to SENIOR_MODERATOR by a moderator: a model owner's appeal history",
                        clock.instant()));
    }

    // --- decisions stored once, the outcome derived from them --------------------------------------------------

    @Test
    void aSecondReviewerWhoOverturnsLeavesTheCaseWithNoAction(PublishedEvents events) {
        String caseId = queued("org-a");
        CaseDecision accepted = lifecycle.decide(
                caseId,
                "review-" + caseId,
                Verdict.ACCEPT,
                List.of("ACCOUNT_TERMINATE"),
                "repeat infringer",
                MODERATOR);
        lifecycle.awaitSecondReview(caseId);
        clock.advance(Duration.ofMinutes(30));
        lifecycle.overturnOnSecondReview(caseId, "confirm-" + caseId, SENIOR, "disproportionate");
        lifecycle.overturnOnSecondReview(caseId, "confirm-" + caseId, SENIOR, "disproportionate");

        assertThat(cases.decisions(caseId))
                .extracting(CaseDecision::kind, CaseDecision::verdict, CaseDecision::decidedBy)
                .containsExactly(
                        tuple(DecisionKind.REVIEW, Verdict.ACCEPT, MODERATOR),
                        tuple(DecisionKind.CONFIRMATION, Verdict.OVERTURN, SENIOR));
        assertThat(cases.decisions(caseId).get(0)).isEqualTo(accepted);
        assertThat(storedDecisions(caseId)).isEqualTo(2);
        assertThat(view(caseId, "org-a").outcome()).isEqualTo(CaseOutcome.NO_ACTION);
        assertThat(statuses(caseId))
                .containsSubsequence(
                        CaseStatus.DECIDED_ACTION, CaseStatus.AWAITING_SECOND_REVIEW, CaseStatus.DECIDED_NO_ACTION);
        assertThat(last(caseId).note()).isEqualTo("rejected: overturned on second review: disproportionate");

        lifecycle.notifyDecision(caseId);
        assertThat(told(caseId))
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains("未采取措施", "经二次审核推翻：disproportionate")
                        .doesNotContain("ACCOUNT_TERMINATE"));
        assertThat(of(events, NoticeDecided.class))
                .extracting(NoticeDecided::outcome)
                .containsExactly("ACCEPT", "OVERTURN");
        assertThat(of(events, PartiesNotified.class))
                .singleElement()
                .satisfies(n -> assertThat(n.outcome()).isEqualTo("NO_ACTION"));
    }

    @Test
    void aConfirmationKeepsTheActionAndTheStatus() {
        String caseId = queued("org-a");
        lifecycle.decide(caseId, "review-" + caseId, Verdict.ACCEPT, List.of("UNPUBLISH_MODEL"), null, MODERATOR);
        lifecycle.awaitSecondReview(caseId);
        lifecycle.confirmOnSecondReview(caseId, "confirm-" + caseId, SENIOR, null);

        assertThat(view(caseId, "org-a").outcome()).isEqualTo(CaseOutcome.ACTION_TAKEN);
        assertThat(cases.status(caseId)).isEqualTo(CaseStatus.AWAITING_SECOND_REVIEW);
        assertThat(cases.decisions(caseId))
                .extracting(CaseDecision::verdict)
                .containsExactly(Verdict.ACCEPT, Verdict.CONFIRM);
    }

    @Test
    void theStatementOfReasonsSaysWhereAndUntilWhenTheMeasuresInEffectRestrict() {
        String worldwide = file("org-a", NoticeJson.complete("EU_DSA").account("acct-ww"));
        String geoBlocked = file("org-a", NoticeJson.complete("EU_DSA").account("acct-geo"));
        when(scopes.inEffect(geoBlocked))
                .thenReturn(
                        Optional.of(new RestrictionScopes.Scope(List.of("DE", "AT"), LocalDate.parse("2025-12-31"))));

        String perMeasure = file(
                "org-a",
                NoticeJson.complete("EU_DSA")
                        .target("https://gen.example/img/two")
                        .account("acct-two"));
        when(scopes.measures(perMeasure))
                .thenReturn(List.of(
                        new RestrictionScopes.Restriction(
                                "GEO_BLOCK", "https://gen.example/img/two", GERMANY_UNTIL_NEW_YEAR, true, null),
                        new RestrictionScopes.Restriction(
                                "DEMOTE",
                                "https://gen.example/img/two",
                                RestrictionScopes.Scope.WORLDWIDE_UNTIL_FURTHER_NOTICE,
                                true,
                                null),
                        new RestrictionScopes.Restriction(
                                "DELETE",
                                "https://gen.example/img/two",
                                GERMANY_UNTIL_NEW_YEAR,
                                false,
                                LiftCause.EXPIRY),
                        new RestrictionScopes.Restriction(
                                "PROMPT_FILTER", null, new RestrictionScopes.Scope(List.of("FR"), null), true, null)));

        decideAndNotify(worldwide, Verdict.ACCEPT, List.of("DELETE"), "copies the work");
        decideAndNotify(geoBlocked, Verdict.ACCEPT, List.of("GEO_BLOCK"), "copies the work");
        decideAndNotify(perMeasure, Verdict.ACCEPT, List.of("GEO_BLOCK", "DEMOTE", "PROMPT_FILTER"), "copies it");

        assertThat(told(perMeasure))
                .filteredOn(n -> n.kind() == LetterKind.FORWARDED_NOTICE)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .as("each measure in effect with its own scope")
                        .contains(
                                "(a) Measure: GEO_BLOCK on https://gen.example/img/two; territorial scope: DE;"
                                        + " duration: until 2025-12-31 inclusive",
                                "(a) Measure: DEMOTE on https://gen.example/img/two; territorial scope: worldwide;"
                                        + " duration: until further notice",
                                "(a) Measure: PROMPT_FILTER on every generation request it matched; territorial"
                                        + " scope: FR; duration: until further notice")
                        .doesNotContain("Measure: DELETE"));

        assertThat(told(worldwide))
                .filteredOn(n -> n.kind() == LetterKind.FORWARDED_NOTICE)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains("territorial scope: worldwide; duration: until further" + " notice"));
        assertThat(told(geoBlocked))
                .filteredOn(n -> n.kind() == LetterKind.FORWARDED_NOTICE)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains(
                                "(a) Measure: GEO_BLOCK on ",
                                "territorial scope: DE, AT; duration: until 2025-12-31" + " inclusive"));
    }

    @Test
    void aBreachOfTheTermsAloneIsStatedUnderTheTermsNotTheLaw() {
        String terms =
                file("org-a", NoticeJson.complete("EU_DSA").account("acct-tos").claim("TOS_ONLY"));
        String law =
                file("org-a", NoticeJson.complete("EU_DSA").account("acct-law").claim("TOS_ONLY", "TRADEMARK"));

        decideAndNotify(terms, Verdict.ACCEPT, List.of("DEMOTE"), "breaches the terms");
        decideAndNotify(law, Verdict.ACCEPT, List.of("DELETE"), "infringes the mark");

        assertThat(told(terms))
                .filteredOn(n -> n.kind() == LetterKind.FORWARDED_NOTICE)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains(
                                "(d) Legal ground: none relied on",
                                // the clause of takedown.terms.clause, and the moderator's explanation
                                "(e) Terms and conditions: Terms of Service: no content that infringes the intellectual"
                                        + " property or other rights of others; explanation: the notice claimed a"
                                        + " breach of this clause only",
                                "breaches the terms")
                        .doesNotContain("Terms and conditions: not relied on"));
        assertThat(told(law))
                .filteredOn(n -> n.kind() == LetterKind.FORWARDED_NOTICE)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains("(d) Legal ground: TOS_ONLY, TRADEMARK", "(e) Terms and conditions: not relied on"));
    }

    @Test
    void aMeasureThatRanOutIsExplainedToTheNotifierAndTheUploaderOfItsTargetOnly() {
        String caseId = file(
                "org-a",
                NoticeJson.complete("EU_DSA")
                        .target("https://gen.example/img/geo")
                        .account("acct-geo")
                        .language("en"));
        decideAndNotify(caseId, Verdict.ACCEPT, List.of("GEO_BLOCK"), "copies the work");
        int before = told(caseId).size();

        lifted(caseId, "its last day has passed", "EXPIRY", "GEO_BLOCK", "https://gen.example/img/other");
        assertThat(told(caseId))
                .as("a target of another uploader: only the notifier is told")
                .hasSize(before + 1);

        lifted(caseId, "restored after counter-notice", "COUNTER_NOTICE", "GEO_BLOCK", "https://gen.example/img/geo");
        assertThat(told(caseId)).as("a restore has its own letter").hasSize(before + 1);

        transactions.executeWithoutResult(status -> lifecycle.on(new MeasureLifted(
                UUID.randomUUID(),
                clock.instant(),
                caseId,
                "system",
                UUID.randomUUID().toString(),
                "the suspension ended on its date",
                2L,
                "EXPIRY",
                "ACCOUNT_SUSPEND",
                null,
                "acct-geo",
                UUID.randomUUID().toString())));
        assertThat(told(caseId))
                .as("the strike ladder's suspension ends with the account's standing, whose letter tells the account")
                .hasSize(before + 1);

        lifted(caseId, "its last day has passed", "EXPIRY", "GEO_BLOCK", "https://gen.example/img/geo");
        assertThat(told(caseId))
                .filteredOn(letter -> letter.kind() == LetterKind.MEASURE_ENDED)
                .hasSize(3)
                .extracting(CaseLifecycleTest::recipient)
                .containsExactlyInAnyOrder("notifier:legal@a.test", "notifier:legal@a.test", "uploader-of:acct-geo");
        assertThat(told(caseId))
                .filteredOn(letter ->
                        letter.kind() == LetterKind.MEASURE_ENDED && letter.recipientRole() == PartyRole.UPLOADER)
                .singleElement()
                .satisfies(letter -> assertThat(letter.body())
                        .contains(
                                "(a) The measure GEO_BLOCK on https://gen.example/img/geo no longer applies",
                                "limited period",
                                "ended automatically"));
    }

    /** The case's measure on {@code target} (null: a filter) was lifted, as the measures module tells it. */
    private void lifted(String caseId, String reason, String cause, String type, String target) {
        transactions.executeWithoutResult(status -> lifecycle.on(new MeasureLifted(
                UUID.randomUUID(),
                clock.instant(),
                caseId,
                "system",
                UUID.randomUUID().toString(),
                reason,
                2L,
                cause,
                type,
                target,
                null,
                null)));
    }

    @Test
    void aReversedComplaintTurnsTheOutcomeAroundAndBothSidesAreTold(PublishedEvents events) {
        String caseId = file(
                "org-a",
                NoticeJson.complete("EU_DSA")
                        .target("https://gen.example/img/1")
                        .account("acct-eu"));
        decideAndNotify(caseId, Verdict.REJECT, List.of(), "looks like parody");
        lifecycle.openAppealReview(caseId);
        clock.advance(Duration.ofDays(2));

        CaseDecision reversed = lifecycle.decideAppeal(
                caseId,
                "appeal-" + caseId,
                "complaint-0",
                "NO_ACTION",
                Verdict.REVERSE,
                List.of("DELETE"),
                List.of(GERMANY_UNTIL_NEW_YEAR),
                "not a parody",
                SENIOR);
        assertThat(lifecycle.decideAppeal(
                        caseId,
                        "appeal-" + caseId,
                        "complaint-0",
                        "NO_ACTION",
                        Verdict.REVERSE,
                        List.of("DELETE"),
                        List.of(GERMANY_UNTIL_NEW_YEAR),
                        "not a parody",
                        SENIOR))
                .as("the same task decided twice")
                .isEqualTo(reversed);

        assertThat(view(caseId, "org-a").outcome()).isEqualTo(CaseOutcome.ACTION_TAKEN);
        assertThat(statuses(caseId)).containsSubsequence(CaseStatus.APPEAL_REVIEW, CaseStatus.APPEAL_REVERSED);
        assertThat(kinds(caseId))
                .as("a measure imposed on the complaint forwards the notice to the uploader, as a first decision would")
                .containsExactlyInAnyOrder(
                        "DECISION→notifier:legal@a.test",
                        "APPEAL_OUTCOME→notifier:legal@a.test",
                        "APPEAL_OUTCOME→uploader-of:acct-eu",
                        "FORWARDED_NOTICE→uploader-of:acct-eu");
        assertThat(told(caseId))
                .filteredOn(n -> n.kind() == LetterKind.APPEAL_OUTCOME)
                .allSatisfy(n -> assertThat(n.body())
                        .contains(
                                "Reasons: not a parody",
                                "DSA Art. 21",
                                "(a) Measure: DELETE on https://gen.example/img/1; territorial scope: DE; duration:"
                                        + " until 2025-12-31 inclusive",
                                "(b) Facts: the case followed a notice under the platform's notice-and-action"
                                        + " mechanism",
                                "who reversed the decision",
                                "(c) Automated means: none; a person decided.",
                                "(d) Legal ground: COPYRIGHT (EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16 +"
                                        + " Regulation (EU) 2022/2065 (DSA) Art. 17)",
                                "(e) Terms and conditions: not relied on.",
                                "(f) Redress: internal complaint within the appeal window, out-of-court dispute"
                                        + " settlement (DSA Art. 21), or the courts."));
        assertThat(told(caseId))
                .filteredOn(n -> n.kind() == LetterKind.FORWARDED_NOTICE)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains(
                                "(a) Measure: DELETE on https://gen.example/img/1; territorial scope: DE; duration:"
                                        + " until 2025-12-31 inclusive",
                                "(c) Automated means: none; a moderator reviewed the notice.",
                                "(d) Legal ground: COPYRIGHT",
                                "explanation: not a parody",
                                "You may file an internal complaint free of charge within six months"));
        assertThat(of(events, AppealDecided.class)).singleElement().satisfies(decided -> {
            assertThat(decided.outcome()).isEqualTo("REVERSE");
            assertThat(decided.measures()).containsExactly("DELETE");
            assertThat(decided.appealId()).isEqualTo(reversed.decisionId());
            assertThat(decided.subject()).isEqualTo("NO_ACTION");
            assertThat(decided.complaintId()).isEqualTo("complaint-0");
        });
        assertThatThrownBy(() -> lifecycle.decideAppeal(
                        caseId, "t", "complaint-0", "NO_ACTION", Verdict.ACCEPT, List.of(), List.of(), "x", SENIOR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lifecycle.decide(caseId, "t", Verdict.UPHOLD, List.of(), "x", SENIOR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * DSA Art. 23: three manifestly unfounded notices of one organisation (all it filed) warn it, once, with the
     * reasons, the weighing and the redress; the same finding recorded twice counts once.
     */
    /**
     * A complaint against a suspension decides the party's standing: reversing it leaves the case's decisions,
     * outcome and status as they were, and only the suspended party is told.
     */
    @Test
    void aDecidedComplaintAgainstASuspensionTellsOnlyThatPartyAndLeavesTheCaseAsItWas(PublishedEvents events) {
        String caseId = file("org-a", NoticeJson.complete("EU_DSA").account("acct-eu"));
        decideAndNotify(caseId, Verdict.REJECT, List.of(), "nothing like the work");
        CaseStatus before = cases.status(caseId);
        lifecycle.openSuspensionComplaint(caseId);

        lifecycle.decideSuspensionComplaint(
                caseId,
                "complaint-1",
                Party.notifier("org-a"),
                StandingChangeKind.SUSPENDED,
                Verdict.REVERSE,
                "the rejections are under review",
                SENIOR);

        assertThat(view(caseId, "org-a").outcome()).isEqualTo(CaseOutcome.NO_ACTION);
        assertThat(cases.status(caseId)).isEqualTo(before);
        assertThat(statuses(caseId)).doesNotContain(CaseStatus.APPEAL_REVIEW, CaseStatus.APPEAL_REVERSED);
        assertThat(storedDecisions(caseId)).isEqualTo(1);
        assertThat(history(caseId))
                .extracting(CaseView.HistoryEntry::note)
                .contains(
                        "complaint against a suspension or termination under review (DSA Art. 20)",
                        "complaint against the suspension of the notifier reversed: the rejections are under review");
        assertThat(kinds(caseId))
                .containsExactlyInAnyOrder("DECISION→notifier:legal@a.test", "APPEAL_OUTCOME→notifier:legal@a.test");
        assertThat(of(events, AppealDecided.class)).singleElement().satisfies(decided -> {
            assertThat(decided.appealId()).isEqualTo("complaint-1");
            assertThat(decided.outcome()).isEqualTo("REVERSE");
            assertThat(decided.subject()).isEqualTo("SUSPENSION");
            assertThat(decided.complaintId()).isEqualTo("complaint-1");
        });

        lifecycle.decideSuspensionComplaint(
                caseId,
                "complaint-2",
                Party.uploader("acct-eu"),
                StandingChangeKind.TERMINATED,
                Verdict.UPHOLD,
                "three strikes stand",
                SENIOR);
        assertThat(kinds(caseId)).contains("APPEAL_OUTCOME→uploader-of:acct-eu");
        assertThat(history(caseId))
                .extracting(CaseView.HistoryEntry::note)
                .contains("complaint against the termination of the uploader upheld: three strikes stand");
        assertThatThrownBy(() -> lifecycle.decideSuspensionComplaint(
                        caseId,
                        "complaint-3",
                        Party.uploader("acct-elsewhere"),
                        StandingChangeKind.SUSPENDED,
                        Verdict.UPHOLD,
                        "x",
                        SENIOR))
                .isInstanceOf(CaseStateException.class);
    }

    /**
     * DSA Art. 20(1)(c): a suspension reversed on complaint is told to the account as a reversal, not an early lift,
     * and only once the account is available again (the platform confirmed the lift of its account measure).
     */
    @Test
    void aSuspensionReversedOnComplaintIsToldToTheAccountAsAReversalOnceThePlatformRestoredIt() {
        String account = "acct-" + UUID.randomUUID();
        String caseId = file("org-a", NoticeJson.complete("EU_DSA").account(account));
        Party uploader = Party.uploader(account);
        String earlier = UUID.randomUUID().toString();
        misuse.recordActivity(uploader, earlier);
        misuse.recordMisuse(uploader, earlier, 3, false).orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        misuse.recordActivity(uploader, caseId);
        StandingChange suspension =
                misuse.recordMisuse(uploader, caseId, 2, false).orElseThrow();

        StandingChange reversal =
                misuse.reverse(suspension.changeId(), "complaint c-1 decided in the party's favour (DSA Art. 20)");
        assertThat(kinds(caseId))
                .as("the platform has not restored the account yet")
                .containsExactly("SUSPENSION→uploader-of:" + account);

        Instant restoredAt = clock.instant().plusSeconds(42);
        transactions.executeWithoutResult(status -> lifecycle.on(new AccountRestored(
                UUID.randomUUID(),
                clock.instant(),
                caseId,
                "kafka-org:platform",
                account,
                reversal.changeId(),
                restoredAt)));

        assertThat(kinds(caseId))
                .containsExactlyInAnyOrder("SUSPENSION→uploader-of:" + account, "REINSTATEMENT→uploader-of:" + account);
        assertThat(history(caseId))
                .extracting(CaseView.HistoryEntry::note)
                .contains("ACCOUNT_RESTORED: account " + account + " available again (REVERSED, standing change "
                        + reversal.changeId() + "), confirmed by the platform at " + restoredAt);
        assertThat(told(caseId))
                .filteredOn(letter -> letter.kind() == LetterKind.REINSTATEMENT)
                .singleElement()
                .satisfies(letter -> {
                    assertThat(letter.subject())
                            .isEqualTo("Complaint decided in your favour: account suspension reversed");
                    assertThat(letter.body())
                            .contains("reversed the suspension of your account", "DSA Art. 21")
                            .doesNotContain("within six months");
                });
    }

    @Test
    void manifestlyUnfoundedNoticesWarnTheirNotifier(PublishedEvents events) {
        String organisation = "org-" + UUID.randomUUID();
        String last = null;
        for (int i = 0; i < 3; i++) {
            last = queued(organisation);
            lifecycle.decide(last, "task-" + last, Verdict.REJECT, List.of(), "unfounded", MODERATOR);
            lifecycle.recordManifestlyUnfounded(last, false);
            lifecycle.recordManifestlyUnfounded(last, false);
        }

        assertThat(told(last)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LetterKind.WARNING);
            assertThat(n.body()).contains("明显不成立", "第20条");
        });
        assertThat(history(last)).anySatisfy(h -> assertThat(h.note()).contains("notifier warned"));
        assertThat(of(events, PartyStandingChanged.class)).singleElement().satisfies(changed -> {
            assertThat(changed.partyId()).isEqualTo(organisation);
            assertThat(changed.change()).isEqualTo("WARNED");
            assertThat(changed.windowMisuse()).isEqualTo(3);
            assertThat(changed.totalCount()).isEqualTo(3);
        });
    }

    // --- the public channel: each logged-out notifier is its confirmed address ---------------------------------

    /**
     * DSA Art. 23 per address: six manifestly unfounded public reports from one address warn and then suspend that
     * address alone; another visitor's report through the same channel is processed. A report waits for its
     * address to be confirmed, a forged link confirms nothing, and an unconfirmed one closes when its link expires.
     */
    @Test
    void publicNotifiersStandPerConfirmedAddress(PublishedEvents events) {
        String misusing = "visitor-" + UUID.randomUUID() + "@example.test";
        String other = "visitor-" + UUID.randomUUID() + "@example.test";
        for (int i = 0; i < 6; i++) {
            String caseId = confirmed(reportBy(misusing));
            lifecycle.queueForReview(caseId);
            lifecycle.decide(caseId, "task-" + caseId, Verdict.REJECT, List.of(), "made up", MODERATOR);
            lifecycle.recordManifestlyUnfounded(caseId, false);
            clock.advance(Duration.ofHours(1));
        }
        assertThat(of(events, PartyStandingChanged.class))
                .extracting(PartyStandingChanged::change)
                .containsExactly("WARNED", "SUSPENDED");
        assertThat(of(events, PartyStandingChanged.class))
                .extracting(PartyStandingChanged::partyId)
                .allSatisfy(party -> assertThat(party).startsWith("email:").doesNotContain("visitor", "public"));

        String suspended = confirmed(reportBy(misusing.toUpperCase(java.util.Locale.ROOT)));
        String processed = confirmed(reportBy(other));

        assertThat(cases.status(suspended))
                .as("the same address, however spelt")
                .isEqualTo(CaseStatus.LOGGED_NOT_PROCESSED);
        assertThat(last(suspended).note()).contains("suspended", "until");
        assertThat(cases.status(processed)).isEqualTo(CaseStatus.RECEIVED);

        String waiting = reportBy(other);
        assertThat(cases.status(waiting)).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
        LetterView confirmation = told(waiting).get(0);
        assertThat(confirmation.kind()).isEqualTo(LetterKind.CONFIRMATION);
        assertThat(confirmation.recipientEmail()).isEqualTo(other);
        assertThat(intake.confirm(tokenOf(confirmation) + "x"))
                .as("a forged link")
                .isEmpty();
        assertThat(intake.confirm(tokenOf(told(processed).get(0)).replace(processed, waiting)))
                .as("another report's link")
                .isEmpty();
        assertThat(unconfirmed.closeExpired()).isZero();

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(unconfirmed.closeExpired()).isEqualTo(1);
        assertThat(cases.status(waiting)).isEqualTo(CaseStatus.CLOSED_UNCONFIRMED);
        assertThat(intake.confirm(tokenOf(confirmation))).as("the link expired").isEmpty();
    }

    /** DSA Art. 15(1)(a) counts orders by member state: an order records its authority's, from the registry. */
    @Test
    void anOrderRecordsTheMemberStateOfTheAuthorityThatIssuedIt(PublishedEvents events) {
        String organisation = "court-" + UUID.randomUUID();
        registries.register(
                new dev.takedown.notifiers.AuthorityDetails(
                        "Landgericht Hamburg",
                        "de",
                        "judicial",
                        "poststelle@lg-hamburg.example",
                        List.of("DSA Art. 9"),
                        List.of("holder@" + organisation)),
                "compliance");
        String json = NoticeJson.complete("EU_DSA")
                .claim("COPYRIGHT")
                .json()
                .replace("\"type\": \"RIGHTS_HOLDER\"", "\"type\": \"AUTHORITY_ORDER\"")
                .replace("\"claim\": {", "\"claim\": {\"legal_basis\": \"DSA Art. 9\", ");

        String caseId = file(organisation, json);

        assertThat(of(events, dev.takedown.events.NoticeReceived.class))
                .filteredOn(r -> r.caseId().equals(caseId))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.notifierType()).isEqualTo("AUTHORITY_ORDER");
                    assertThat(r.issuerMemberState()).isEqualTo("DE");
                });
    }

    /** A logged-out notifier can hold no status: its claim to be a trusted flagger is noted and not believed. */
    @Test
    void aPublicReportThatClaimsTrustedFlaggerStatusIsAnOrdinaryNotice(PublishedEvents events) {
        String json = NoticeJson.complete("EU_DSA")
                .target("https://gen.example/p/" + UUID.randomUUID())
                .notifier("Visitor", "tf-" + UUID.randomUUID() + "@example.test")
                .json()
                .replace("\"notifier\": {", "\"notifier\": {\"trusted_flagger_id\": \"TF-1\", ");
        String caseId = intake.submit(read(json), Submitter.anonymous(), "public-" + UUID.randomUUID(), true)
                .caseId();

        confirmed(caseId);

        assertThat(history(caseId))
                .anySatisfy(h -> assertThat(h.note()).contains("claims TRUSTED_FLAGGER status, not confirmed"));
        assertThat(of(events, dev.takedown.events.NoticeReceived.class))
                .filteredOn(r -> r.caseId().equals(caseId))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.notifierType())
                            .as("as declared, not as claimed")
                            .isEqualTo("RIGHTS_HOLDER");
                    assertThat(r.claimedNotifierType()).isEqualTo("TRUSTED_FLAGGER");
                    assertThat(r.registryEntryId()).isNull();
                });
        assertThat(cases.triageFacts(caseId).notifierType()).isEqualTo("RIGHTS_HOLDER");
    }

    private String reportBy(String email) {
        return intake.submit(
                        submission(NoticeJson.complete("EU_DSA")
                                .target("https://gen.example/p/" + UUID.randomUUID())
                                .notifier("Visitor", email)),
                        Submitter.anonymous(),
                        "public-" + UUID.randomUUID(),
                        true)
                .caseId();
    }

    private String confirmed(String caseId) {
        IntakeResult result = intake.confirm(tokenOf(told(caseId).get(0))).orElseThrow();
        assertThat(result.caseId()).isEqualTo(caseId);
        return caseId;
    }

    private static String tokenOf(LetterView confirmation) {
        return confirmation.opens().substring(confirmation.opens().lastIndexOf('/') + 1);
    }

    private NoticeSubmission read(String json) {
        try {
            return this.json.readValue(json, NoticeSubmission.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- joined notices ----------------------------------------------------------------------------------------

    /**
     * A notice on a target of an open case joins it and gets its outcome from it. The joined notice of another
     * organisation learns the outcome and the redress, never the case, its reasons, measures or decider.
     */
    @Test
    void joinedNoticesLearnTheOutcomeAndAnotherOrganisationNothingMore(PublishedEvents events) {
        String target = "https://gen.example/p/" + UUID.randomUUID();
        String caseId = file("org-a", NoticeJson.complete("CN_CC_1195").target(target));
        String sameOrganisation =
                file("org-a", NoticeJson.complete("CN_CC_1195").target(target));
        String otherOrganisation =
                file("org-b", NoticeJson.complete("EU_DSA").target(target).notifier("Studio B", "legal@b.test"));

        assertThat(cases.status(otherOrganisation)).isEqualTo(CaseStatus.JOINED);
        assertThat(last(sameOrganisation).note()).isEqualTo("joins open case " + caseId + " on the same target");
        assertThat(last(otherOrganisation).note()).isEqualTo("joins an open case on the same target");
        assertThat(view(otherOrganisation, "org-b").outcome())
                .as("not told yet")
                .isNull();

        decideAndNotify(caseId, Verdict.ACCEPT, List.of("DELETE"), "copies the work");

        CaseView joined = view(otherOrganisation, "org-b");
        assertThat(joined.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(joined.outcome()).isEqualTo(CaseOutcome.ACTION_TAKEN);
        assertThat(joined.history().toString()).doesNotContain(caseId, "copies the work", MODERATOR);
        assertThat(last(otherOrganisation).note()).isEqualTo("outcome of the case it joined: ACTION_TAKEN");
        assertThat(told(otherOrganisation)).singleElement().satisfies(n -> {
            assertThat(recipient(n)).isEqualTo("notifier:legal@b.test");
            assertThat(n.subject()).isEqualTo("Decision on your notice: measures taken");
            assertThat(n.body())
                    .contains("Outcome: measures taken", "out-of-court dispute settlement")
                    .doesNotContain(caseId, "copies the work", "DELETE", MODERATOR);
        });
        assertThat(cases.find(caseId, new Caller("holder@org-b", "org-b", "RIGHTS_HOLDER")))
                .isEmpty();

        assertThat(last(sameOrganisation).note()).isEqualTo("outcome of case " + caseId + ": ACTION_TAKEN");
        assertThat(told(sameOrganisation))
                .singleElement()
                .satisfies(n -> assertThat(n.body()).contains("已采取措施：DELETE", "理由：copies the work"));
        assertThat(view(sameOrganisation, "org-a").outcome()).isEqualTo(CaseOutcome.ACTION_TAKEN);

        assertThat(cases.decisions(otherOrganisation))
                .as("the decision is the case's, stored once")
                .isEmpty();
        assertThat(storedDecisions(otherOrganisation)).isZero();
        assertThat(of(events, PartiesNotified.class))
                .singleElement()
                .satisfies(n -> assertThat(n.recipients()).contains("notifier:legal@a.test", "notifier:legal@b.test"));
    }

    // --- cure -------------------------------------------------------------------------------------------------

    @Test
    void anIncompleteNoticeIsCuredByItsNotifierAndValidatedAgain(PublishedEvents events) throws Exception {
        NoticeSubmission complete = submission(NoticeJson.complete("US_DMCA"));
        NoticeSubmission unsigned = withoutSignature(complete);
        String caseId = intake.submit(unsigned, holder("org-a"), null, false).caseId();
        Instant requested = clock.advance(Duration.ofMinutes(5));

        lifecycle.requestCure(caseId, cases.problems(caseId));
        lifecycle.requestCure(caseId, cases.problems(caseId));

        assertThat(cases.status(caseId)).isEqualTo(CaseStatus.INCOMPLETE_CURE);
        assertThat(told(caseId)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LetterKind.CURE_REQUEST);
            assertThat(n.body()).contains("14 days", "signature");
        });
        assertThat(of(events, PartiesNotified.class))
                .singleElement()
                .satisfies(n -> assertThat(n.outcome()).isEqualTo("INCOMPLETE_CURE"));

        Caller notifier = new Caller("holder@org-a", "org-a", "RIGHTS_HOLDER");
        assertThatThrownBy(() -> lifecycle.cure(caseId, complete, new Caller("holder@org-b", "org-b", "RIGHTS_HOLDER")))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> lifecycle.cure(caseId, complete, new Caller(MODERATOR, null, "MODERATOR")))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> lifecycle.cure(caseId, changed(complete, complete.signature(), List.of()), notifier))
                .as("no target: not worth curing")
                .isInstanceOf(NoticeIncompleteException.class);

        clock.advance(Duration.ofDays(3));
        lifecycle.cure(caseId, complete, notifier);

        assertThat(last(caseId))
                .isEqualTo(new CaseView.HistoryEntry(
                        CaseStatus.INCOMPLETE_CURE, "holder@org-a", "notice completed", clock.instant()));
        assertThat(cases.problems(caseId)).isEmpty();
        assertThat(cases.timers(caseId).cureRequestedAt())
                .as("the cure period runs from the request")
                .isEqualTo(requested);
        assertThat(of(events, NoticeCured.class))
                .singleElement()
                .satisfies(cured -> assertThat(cured.caseId()).isEqualTo(caseId));

        lifecycle.queueForReview(caseId);
        assertThatThrownBy(() -> lifecycle.cure(caseId, complete, notifier)).isInstanceOf(CaseStateException.class);
    }

    @Test
    void aNoticeClosedAsIncompleteTellsItsNotifierWhatWasMissing(PublishedEvents events) throws Exception {
        NoticeSubmission unsigned = withoutSignature(submission(NoticeJson.complete("US_DMCA")));
        String caseId = intake.submit(unsigned, holder("org-a"), null, false).caseId();

        lifecycle.closeIncomplete(caseId, cases.problems(caseId));
        lifecycle.closeIncomplete(caseId, cases.problems(caseId));

        assertThat(cases.status(caseId)).isEqualTo(CaseStatus.CLOSED_INCOMPLETE);
        assertThat(last(caseId).note()).startsWith("missing: ").contains("signature");
        assertThat(told(caseId)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LetterKind.CLOSED_INCOMPLETE);
            assertThat(n.body()).contains("signature");
        });
        assertThat(of(events, PartiesNotified.class))
                .singleElement()
                .satisfies(n -> assertThat(n.outcome()).isEqualTo("INCOMPLETE"));
    }

    // --- counter-notice, restoration, retraction ---------------------------------------------------------------

    @Test
    void theRightsHolderGetsTheWholeCounterNoticeAndTheChineseClockStartsWhenTheCopyIsDelivered(PublishedEvents events)
            throws Exception {
        String caseId = file("org-a", NoticeJson.complete("CN_ECOM").account("acct-cn"));
        decideAndNotify(caseId, Verdict.ACCEPT, List.of("DELIST"), "copies the work");
        Instant received = clock.advance(Duration.ofHours(1));

        counterNotices.file(caseId, counterNotice(), UploaderCases.actorFor(caseId));

        assertThat(last(caseId))
                .isEqualTo(new CaseView.HistoryEntry(
                        CaseStatus.NOTIFIED, UploaderCases.actorFor(caseId), "counter-notice received", received));
        assertThat(counterNotices.receipt(caseId)).contains(new CounterNotices.Receipt(received, null));

        clock.advance(Duration.ofMinutes(10));
        lifecycle.forwardCounterNotice(caseId, null, null);
        clock.advance(Duration.ofMinutes(10));
        lifecycle.forwardCounterNotice(caseId, null, null);

        List<LetterView> copies = told(caseId).stream()
                .filter(n -> n.kind() == LetterKind.COUNTER_NOTICE_COPY)
                .toList();
        assertThat(copies).as("forwarded twice, sent once").hasSize(1);
        LetterView copy = copies.get(0);
        assertThat(recipient(copy)).isEqualTo("notifier:legal@a.test");
        assertThat(copy.body())
                .contains("Li Lei", "RESIDENT_ID 110101", "+86 10 1234 5678", "my drawing", "https://gen.example/x")
                .contains("prompts and seeds", "向有关部门投诉或者向人民法院提起诉讼", "在您收到本转送件后15日内");
        assertThat(cases.timers(caseId))
                .as("sent is not delivered: the Chinese wait has not started")
                .satisfies(t -> assertThat(t.counterNoticeReceivedAt()).isEqualTo(received))
                .satisfies(t -> assertThat(t.counterNoticeDeliveredAt()).isNull());

        // the rights holder was reached by telephone: its delivery starts the wait, once
        Instant delivered = clock.instant().minus(Duration.ofMinutes(5));
        clock.advance(Duration.ofHours(1));
        correspondence.confirmDelivery(copy.letterId(), delivered, "read out by telephone", MODERATOR);

        awaitTrue(() -> cases.timers(caseId).counterNoticeDeliveredAt() != null);
        assertThat(cases.timers(caseId).counterNoticeDeliveredAt()).isEqualTo(delivered);
        assertThat(of(events, CounterNoticeDelivered.class)).singleElement().satisfies(d -> {
            assertThat(d.caseId()).isEqualTo(caseId);
            assertThat(d.letterId()).isEqualTo(copy.letterId());
            assertThat(d.basis()).isEqualTo("CONFIRMED");
            assertThat(d.deliveredAt()).isEqualTo(delivered);
        });

        lifecycle.maintainPendingProceedings(caseId);
        lifecycle.close(caseId);
        lifecycle.closeRemedied(caseId);
        assertThat(cases.status(caseId))
                .as("a measure maintained pending proceedings stays open")
                .isEqualTo(CaseStatus.MAINTAINED_PENDING_PROCEEDINGS);
    }

    @Test
    void underUsLawOnlyACourtActionKeepsTheMeasureAndAnAuthorityComplaintIsRefusedNamingItsField() throws Exception {
        String caseId = file("org-a", NoticeJson.complete("US_DMCA").account("acct-us"));
        decideAndNotify(caseId, Verdict.ACCEPT, List.of("DISABLE_ACCESS"), null);
        counterNotices.file(caseId, usCounterNotice(), UploaderCases.actorFor(caseId));
        lifecycle.forwardCounterNotice(caseId, null, null);
        Caller holder = new Caller("holder@org-a", "org-a", "RIGHTS_HOLDER");

        assertThatThrownBy(() -> counterNotices.fileLegalActionProof(
                        caseId, ProceedingsKind.AUTHORITY_COMPLAINT, "USCO complaint 7", holder))
                .isInstanceOfSatisfying(
                        AnswerInvalidException.class,
                        refused -> assertThat(refused.problems())
                                .singleElement()
                                .satisfies(p -> {
                                    assertThat(p.field()).isEqualTo("kind");
                                    assertThat(p.message()).contains("512(g)(2)(C)");
                                }));
        assertThat(jdbc.queryForObject(
                        "select count(*) from legal_action_proof where case_id = ?::uuid", Integer.class, caseId))
                .as("nothing recorded: the restore stays on its date")
                .isZero();

        counterNotices.fileLegalActionProof(caseId, ProceedingsKind.LAWSUIT, "1:26-cv-00042 (S.D.N.Y.)", holder);
        assertThat(jdbc.queryForObject(
                        "select kind from legal_action_proof where case_id = ?::uuid", String.class, caseId))
                .isEqualTo("LAWSUIT");
    }

    @Test
    void chineseProceedingsEndTheCaseUpheldOrRestoredAndBothSidesAreTold(PublishedEvents events) throws Exception {
        String upheld = maintainedPendingProceedings("acct-cn-1");
        String dismissed = maintainedPendingProceedings("acct-cn-2");
        Caller holder = new Caller("holder@org-a", "org-a", "RIGHTS_HOLDER");
        Caller compliance = new Caller("compliance", null, "COMPLIANCE_OFFICER");

        assertThatThrownBy(() ->
                        counterNotices.recordProceedingsOutcome(upheld, ProceedingsOutcome.UPHELD, "ruling", holder))
                .as("the rights holder does not record the court's outcome itself")
                .isInstanceOf(CaseNotFoundException.class);
        counterNotices.recordProceedingsOutcome(
                upheld, ProceedingsOutcome.UPHELD, "(2026) Hu 0115 Min Chu 1", compliance);
        assertThat(of(events, ProceedingsConcluded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("UPHELD"));

        when(scopes.measures(upheld))
                .thenReturn(List.of(new RestrictionScopes.Restriction(
                        "DELIST", "https://v.example/kept", GERMANY_UNTIL_NEW_YEAR, true, null)));
        when(scopes.measures(dismissed))
                .thenReturn(List.of(new RestrictionScopes.Restriction(
                        "DELIST", "https://v.example/gone", GERMANY_UNTIL_NEW_YEAR, false, LiftCause.PROCEEDINGS)));
        lifecycle.closeUpheldByProceedings(upheld, "(2026) Hu 0115 Min Chu 1");
        lifecycle.restoreAfterProceedings(
                dismissed,
                ProceedingsOutcome.DISMISSED,
                "(2026) Hu 0115 Min Chu 2",
                Instant.parse("2026-03-02T01:00:04Z"));

        assertThat(cases.status(upheld)).isEqualTo(CaseStatus.CLOSED);
        assertThat(cases.status(dismissed)).isEqualTo(CaseStatus.RESTORED);
        assertThat(last(dismissed).note())
                .isEqualTo(
                        "proceedings dismissed ((2026) Hu 0115 Min Chu 2): content restored, confirmed by the platform"
                                + " at 2026-03-02T01:00:04Z");
        assertThat(kinds(upheld))
                .containsOnlyOnce(
                        "PROCEEDINGS_CONCLUDED→notifier:legal@a.test", "PROCEEDINGS_CONCLUDED→uploader-of:acct-cn-1");
        assertThat(told(upheld))
                .filteredOn(n -> n.kind() == LetterKind.PROCEEDINGS_CONCLUDED)
                .allSatisfy(n -> assertThat(n.body()).contains("(2026) Hu 0115 Min Chu 1"));
        assertThat(told(upheld))
                .filteredOn(
                        n -> n.kind() == LetterKind.PROCEEDINGS_CONCLUDED && n.recipientRole() == PartyRole.UPLOADER)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains(
                                "(a) 维持的措施：对 https://v.example/kept 采取的 DELIST；地域范围：DE；期限：至 2025-12-31（含当日）",
                                "此后法院或有关部门支持了通知（(2026) Hu 0115 Min Chu 1）。",
                                "(c) 自动化手段：无；由人员作出决定。",
                                "(d) 法律依据：COPYRIGHT (CN_ECOM: PRC E-Commerce Law Art. 42)"));
        assertThat(told(dismissed))
                .filteredOn(
                        n -> n.kind() == LetterKind.PROCEEDINGS_CONCLUDED && n.recipientRole() == PartyRole.UPLOADER)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains(
                                "(a) 已解除的措施：对 https://v.example/gone 采取的 DELIST",
                                "此后法院或有关部门驳回了权利人的请求（(2026) Hu 0115 Min Chu 2）。",
                                "现依据 CN_ECOM: PRC E-Commerce Law Art. 43 予以解除。"));
        assertThat(kinds(dismissed))
                .containsOnlyOnce(
                        "PROCEEDINGS_CONCLUDED→notifier:legal@a.test", "PROCEEDINGS_CONCLUDED→uploader-of:acct-cn-2");
        assertThatThrownBy(() -> counterNotices.recordProceedingsOutcome(
                        upheld, ProceedingsOutcome.DISMISSED, "again", compliance))
                .as("a closed case has no proceedings left to end")
                .isInstanceOf(CaseStateException.class);
    }

    private String maintainedPendingProceedings(String account) throws Exception {
        String caseId = file("org-a", NoticeJson.complete("CN_ECOM").account(account));
        decideAndNotify(caseId, Verdict.ACCEPT, List.of("DELIST"), "copies the work");
        counterNotices.file(caseId, counterNotice(), UploaderCases.actorFor(caseId));
        lifecycle.forwardCounterNotice(caseId, null, null);
        counterNotices.fileLegalActionProof(
                caseId,
                ProceedingsKind.AUTHORITY_COMPLAINT,
                "complaint receipt 9",
                new Caller("holder@org-a", "org-a", "RIGHTS_HOLDER"));
        lifecycle.maintainPendingProceedings(caseId);
        return caseId;
    }

    @Test
    void restorationAndRetractionAreToldToBothSidesOnce() throws Exception {
        String restored = file("org-a", NoticeJson.complete("US_DMCA").account("acct-us"));
        decideAndNotify(restored, Verdict.ACCEPT, List.of("DISABLE_ACCESS"), null);
        counterNotices.file(restored, usCounterNotice(), UploaderCases.actorFor(restored));
        lifecycle.forwardCounterNotice(restored, LocalDate.parse("2025-10-03"), LocalDate.parse("2025-10-09"));
        assertThat(told(restored))
                .filteredOn(n -> n.kind() == LetterKind.COUNTER_NOTICE_COPY)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains("Jane Doe", "1 Main St", "+1 555 0100", "jane@example.test")
                        .contains("under penalty of perjury", "Consent to the jurisdiction", "Acceptance of service")
                        .contains("restore the removed material on Friday, 2025-10-03"));
        Instant restoredAt = Instant.parse("2025-10-03T14:00:02Z");
        when(scopes.measures(restored))
                .thenReturn(List.of(
                        new RestrictionScopes.Restriction(
                                "DISABLE_ACCESS",
                                "https://v.example/us",
                                GERMANY_UNTIL_NEW_YEAR,
                                false,
                                LiftCause.COUNTER_NOTICE),
                        new RestrictionScopes.Restriction(
                                "DELETE", "https://v.example/us", GERMANY_UNTIL_NEW_YEAR, false, LiftCause.EXPIRY)));
        lifecycle.restore(restored, restoredAt);
        lifecycle.restore(restored, restoredAt);
        lifecycle.close(restored);

        assertThat(statuses(restored))
                .containsSubsequence(CaseStatus.COUNTER_NOTICE_FORWARDED, CaseStatus.RESTORED, CaseStatus.CLOSED);
        assertThat(view(restored, "org-a").history())
                .filteredOn(entry -> entry.status() == CaseStatus.RESTORED)
                .extracting(CaseView.HistoryEntry::note)
                .containsExactly("no proof of proceedings within the statutory wait: content restored, confirmed by"
                        + " the platform at 2025-10-03T14:00:02Z");
        assertThat(kinds(restored)).containsOnlyOnce("RESTORED→notifier:legal@a.test", "RESTORED→uploader-of:acct-us");
        assertThat(told(restored))
                .filteredOn(n -> n.kind() == LetterKind.RESTORED && n.recipientRole() == PartyRole.UPLOADER)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .as("the measure the restore lifted, not one that had ended before")
                        .contains(
                                "(a) Measure lifted: DISABLE_ACCESS on https://v.example/us (territorial scope: DE;"
                                        + " duration: until 2025-12-31 inclusive) no longer applies",
                                "then the uploader filed a counter-notice, and no proof that the rights holder"
                                        + " started proceedings arrived within the statutory period.",
                                "(c) Automated means: the measures were lifted automatically on these facts",
                                "(d) Legal ground: the restriction relied on COPYRIGHT (US_DMCA: 17 U.S.C."
                                        + " §512(c)(1)(C)); it is lifted under US_DMCA: 17 U.S.C. §512(g)(2)(C).",
                                "(e) Terms and conditions: not relied on.",
                                "(f) Redress: internal complaint within the appeal window, or the courts.")
                        .doesNotContain("Measure lifted: DELETE"));

        String retracted = file("org-a", NoticeJson.complete("CN_ECOM").account("acct-r"));
        decideAndNotify(retracted, Verdict.ACCEPT, List.of("DELIST"), null);
        when(scopes.measures(retracted))
                .thenReturn(List.of(new RestrictionScopes.Restriction(
                        "DELIST",
                        "https://v.example/cn",
                        RestrictionScopes.Scope.WORLDWIDE_UNTIL_FURTHER_NOTICE,
                        false,
                        LiftCause.RETRACTION)));
        lifecycle.recordRetracted(retracted, restoredAt);
        lifecycle.recordRetracted(retracted, restoredAt);
        lifecycle.closeRemedied(retracted);

        assertThat(statuses(retracted)).containsSubsequence(CaseStatus.RETRACTED, CaseStatus.CLOSED_REMEDIED);
        assertThat(view(retracted, "org-a").history())
                .filteredOn(entry -> entry.status() == CaseStatus.RETRACTED)
                .extracting(CaseView.HistoryEntry::note)
                .containsExactly(
                        "notice retracted; measures lifted, confirmed by the platform at 2025-10-03T14:00:02Z");
        assertThat(told(retracted))
                .filteredOn(n -> n.kind() == LetterKind.RETRACTED)
                .extracting(CaseLifecycleTest::recipient, LetterView::subject)
                .containsExactlyInAnyOrder(
                        tuple("notifier:legal@a.test", "通知已撤回"), tuple("uploader-of:acct-r", "通知已撤回"));
        assertThat(told(retracted))
                .filteredOn(n -> n.kind() == LetterKind.RETRACTED && n.recipientRole() == PartyRole.UPLOADER)
                .singleElement()
                .satisfies(n -> assertThat(n.body())
                        .contains(
                                "(a) 已解除的措施：对 https://v.example/cn 采取的 DELIST（地域范围：全球；期限：直至另行通知）",
                                "此后权利人撤回了通知。",
                                "(c) 自动化手段：措施依上述事实自动解除",
                                "(d) 法律依据：原限制所依据的是 COPYRIGHT (CN_ECOM: PRC E-Commerce Law Art. 42)；上述事实发生后，"
                                        + "没有任何规定要求继续限制。",
                                "(e) 服务条款：未援引。",
                                "(f) 救济途径："));

        String reversed = file("org-a", NoticeJson.complete("US_DMCA").account("acct-rev"));
        decideAndNotify(reversed, Verdict.ACCEPT, List.of("DISABLE_ACCESS"), null);
        CaseStatus before = cases.status(reversed);
        lifecycle.restoreOnAppeal(reversed, restoredAt);

        assertThat(cases.status(reversed))
                .as("the complaint's outcome keeps the status")
                .isEqualTo(before);
        assertThat(last(reversed).note())
                .isEqualTo("decision reversed on complaint: content restored, confirmed by the platform at"
                        + " 2025-10-03T14:00:02Z");
        assertThat(told(reversed))
                .filteredOn(n -> n.kind() == LetterKind.RESTORED_ON_APPEAL)
                .extracting(CaseLifecycleTest::recipient, LetterView::subject)
                .containsExactlyInAnyOrder(
                        tuple("notifier:legal@a.test", "Content restored"),
                        tuple("uploader-of:acct-rev", "Content restored"));
    }

    @Test
    void underThe2013RegulationsAWorkRestoredAfterACounterNoticeIsRecordedNotProcessedWhenNotifiedAgain(
            PublishedEvents events) throws Exception {
        String target = "https://gen.example/p/" + UUID.randomUUID();
        String restored =
                file("org-a", NoticeJson.complete("CN_REGS_2013").target(target).account("acct-regs"));
        decideAndNotify(restored, Verdict.ACCEPT, List.of("DELETE"), "copies the work");
        counterNotices.file(restored, counterNotice(), UploaderCases.actorFor(restored));
        lifecycle.forwardCounterNotice(restored, null, null);
        lifecycle.restore(restored, clock.instant());

        String again =
                file("org-a", NoticeJson.complete("CN_REGS_2013").target(target).language("en"));

        assertThat(cases.status(again)).isEqualTo(CaseStatus.LOGGED_NOT_PROCESSED);
        assertThat(last(again).note()).contains(restored, "2013 Regulations Art. 17", "people's court");
        assertThat(of(events, NoticeReceived.class))
                .filteredOn(received -> received.caseId().equals(again))
                .singleElement()
                .satisfies(received -> assertThat(received.disposition()).isEqualTo(NoticeReceived.NOT_PROCESSED));
        assertThat(cases.letters(again))
                .as("the receipt answers with the rule, not with a suspension")
                .filteredOn(letter -> letter.kind() == LetterKind.RECEIPT)
                .singleElement()
                .satisfies(receipt -> assertThat(receipt.body())
                        .contains(restored, "Article 17", "may not notify us again", "copyright administration")
                        .doesNotContain("DSA Art. 23(2)"));

        // another work on the target, another notifier, a notice under another profile: processed as usual
        List<String> processed = List.of(
                file("org-a", NoticeJson.complete("CN_REGS_2013").target(target).work("Dyna")),
                file("org-b", NoticeJson.complete("CN_REGS_2013").target(target)),
                file("org-a", NoticeJson.complete("CN_CC_1195").target(target)));
        assertThat(processed)
                .allSatisfy(caseId -> assertThat(cases.status(caseId)).isNotEqualTo(CaseStatus.LOGGED_NOT_PROCESSED));
        assertThat(of(events, NoticeReceived.class))
                .filteredOn(received -> processed.contains(received.caseId()))
                .extracting(NoticeReceived::disposition)
                .containsExactly(NoticeReceived.PROCESS, NoticeReceived.JOINED, NoticeReceived.JOINED);
    }

    @Test
    void aNoteGoesOnTheHistoryWithoutAChangeOfStatus() {
        String caseId = queued("org-a");
        lifecycle.note(caseId, "triage", "human authorship must be assessed");
        lifecycle.note(caseId, "system", "model remediation opened");

        assertThat(view(caseId, "org-a").history())
                .extracting(CaseView.HistoryEntry::status, CaseView.HistoryEntry::note)
                .endsWith(
                        tuple(CaseStatus.UNDER_REVIEW, "human authorship must be assessed"),
                        tuple(CaseStatus.UNDER_REVIEW, "model remediation opened"));
    }

    @Test
    void listsAndTheQueueCountEachCasesTargetsWithoutLoadingThem() {
        String caseId = file("org-b", NoticeJson.complete("CN_CC_1195").target("https://list.example/0"));
        for (int i = 1; i < 40; i++) {
            jdbc.update(
                    "insert into notice_target (notice_id, position, type, url) values (?::uuid, ?, 'URL', ?)",
                    caseId,
                    i,
                    "https://list.example/" + i);
        }
        String earlier = file("org-b", NoticeJson.complete("CN_CC_1195").target("https://list.example/7"));
        Statistics statistics = persistence.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();

        List<CaseSummary> listed = cases.list(new Caller("holder@org-b", "org-b", "RIGHTS_HOLDER"));

        assertThat(listed)
                .filteredOn(c -> c.caseId().equals(caseId))
                .singleElement()
                .satisfies(c -> assertThat(c.targetCount()).isEqualTo(40));
        assertThat(statistics.getPrepareStatementCount())
                .as("one query, however many cases")
                .isEqualTo(1);
        assertThat(statistics.getEntityLoadCount())
                .as("no notice or target loaded")
                .isZero();

        statistics.clear();
        assertThat(cases.triageFacts(caseId).targetType()).isNotNull();
        assertThat(statistics.getEntityLoadCount())
                .as("the notice, not its targets")
                .isEqualTo(1);

        statistics.clear();
        assertThat(cases.casesOnTargets(earlier))
                .extracting(CaseSummary::caseId, CaseSummary::targetCount)
                .contains(tuple(caseId, 40));
        assertThat(statistics.getEntityLoadCount())
                .as("the reviewed notice alone; no target of either case")
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------------------

    private String file(String organisation, NoticeJson notice) {
        return intake.submit(submission(notice), holder(organisation), null, false)
                .caseId();
    }

    private String file(String organisation, String json) {
        return intake.submit(read(json), holder(organisation), null, false).caseId();
    }

    private String queued(String organisation) {
        String caseId = file(organisation, NoticeJson.complete("CN_CC_1195"));
        lifecycle.queueForReview(caseId);
        return caseId;
    }

    private void decideAndNotify(String caseId, Verdict verdict, List<String> measures, String reason) {
        lifecycle.queueForReview(caseId);
        lifecycle.decide(caseId, "task-" + caseId, verdict, measures, reason, MODERATOR);
        if (verdict == Verdict.ACCEPT) {
            lifecycle.recordMeasuresApplied(caseId, measures.size());
        }
        lifecycle.notifyDecision(caseId);
    }

    private static Submitter holder(String organisation) {
        return new Submitter("holder@" + organisation, organisation, Submitter.Channel.API);
    }

    private NoticeSubmission submission(NoticeJson notice) {
        try {
            return json.readValue(notice.json(), NoticeSubmission.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NoticeSubmission withoutSignature(NoticeSubmission notice) {
        return changed(notice, null, notice.targets());
    }

    private static NoticeSubmission changed(
            NoticeSubmission notice, NoticeSubmission.Signature signature, List<NoticeSubmission.Target> targets) {
        return new NoticeSubmission(
                notice.jurisdictionProfiles(),
                notice.language(),
                notice.notifier(),
                notice.rightsHolder(),
                signature,
                notice.claim(),
                notice.works(),
                targets,
                notice.evidence(),
                notice.explanation(),
                notice.requestedMeasures(),
                notice.attestations(),
                notice.csamFlag(),
                notice.creationEvidence());
    }

    private CounterNoticeSubmission counterNotice() throws Exception {
        return json.readValue("""
                {"user": {"legal_name": "Li Lei", "identity_document": {"type": "RESIDENT_ID", "number": "110101"},
                          "phone": "+86 10 1234 5678"},
                 "material": {"identification": "my drawing", "prior_location": "https://gen.example/x"},
                 "non_infringement_evidence": [{"kind": "CREATION_RECORD", "description": "prompts and seeds"}],
                 "attestations": {"truthfulness_responsibility": true}}
                """, CounterNoticeSubmission.class);
    }

    private CounterNoticeSubmission usCounterNotice() throws Exception {
        return json.readValue("""
                {"user": {"legal_name": "Jane Doe", "address": "1 Main St, Springfield", "phone": "+1 555 0100",
                          "email": "jane@example.test"},
                 "material": {"identification": "my video", "prior_location": "https://v.example/1"},
                 "statement": {"mistake_or_misidentification_perjury": true},
                 "consent_to_jurisdiction": true, "accept_service_of_process": true,
                 "signature": {"type": "TYPED", "value": "Jane Doe", "signed_at": "2025-09-19"}}
                """, CounterNoticeSubmission.class);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("in time").isTrue();
    }

    private CaseView view(String caseId, String organisation) {
        return cases.find(caseId, new Caller("holder@" + organisation, organisation, "RIGHTS_HOLDER"))
                .orElseThrow();
    }

    private List<CaseStatus> statuses(String caseId) {
        return history(caseId).stream().map(CaseView.HistoryEntry::status).toList();
    }

    private CaseView.HistoryEntry last(String caseId) {
        List<CaseView.HistoryEntry> history = history(caseId);
        return history.get(history.size() - 1);
    }

    private List<CaseView.HistoryEntry> history(String caseId) {
        CaseView any = cases.find(caseId, new Caller("reader", organisationOf(caseId), "RIGHTS_HOLDER"))
                .orElseThrow();
        return any.history();
    }

    private String organisationOf(String caseId) {
        return jdbc.queryForObject("select organisation_id from notice where id = ?::uuid", String.class, caseId);
    }

    private List<String> kinds(String caseId) {
        return told(caseId).stream().map(n -> n.kind() + "→" + recipient(n)).toList();
    }

    /** What the parties were told after the receipt of the notice (which every notice with an address gets). */
    private List<LetterView> told(String caseId) {
        return cases.letters(caseId).stream()
                .filter(letter -> letter.kind() != LetterKind.RECEIPT)
                .toList();
    }

    /** A party as the case names it: the notifier by its address, the uploader by its account or content. */
    private static String recipient(LetterView letter) {
        return letter.recipientRole() == PartyRole.NOTIFIER
                ? "notifier:" + (letter.recipientEmail() != null ? letter.recipientEmail() : letter.recipientParty())
                : "uploader-of:" + letter.recipientParty();
    }

    private int storedDecisions(String caseId) {
        return jdbc.queryForObject("select count(*) from case_decision where case_id = ?::uuid", Integer.class, caseId);
    }

    private static <T> List<T> of(PublishedEvents events, Class<T> type) {
        return StreamSupport.stream(events.ofType(type).spliterator(), false).toList();
    }
}
