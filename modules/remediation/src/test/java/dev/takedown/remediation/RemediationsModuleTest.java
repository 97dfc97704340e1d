package dev.takedown.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.takedown.events.FilterWideningDecided;
import dev.takedown.events.RemediationChangeRecorded;
import dev.takedown.events.RemediationEscalated;
import dev.takedown.events.RemediationOpened;
import dev.takedown.events.RemediationVerificationFailed;
import dev.takedown.events.RemediationVerified;
import dev.takedown.events.RemediationWithdrawn;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskEscalated;
import dev.takedown.kernel.Caller;
import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.MeasureType;
import dev.takedown.measures.MeasureView;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.TargetType;
import dev.takedown.screening.ReplayResult;
import dev.takedown.screening.Screening;
import dev.takedown.testing.EmbeddedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The remediation module alone on real PostgreSQL (its own migrations, its entities validated against them): the
 * service over the aggregate with owners, the widening review and its corpus check, verification, withdrawal and
 * escalation, and the facts it commits. The other modules' APIs are Mockito beans; screening is the real matcher with
 * its replay results stubbed.
 */
@ApplicationModuleTest
@TestPropertySource(
        properties = {
            "spring.flyway.locations=classpath:db/migration/remediation",
            "spring.jpa.hibernate.ddl-auto=validate",
            "spring.kafka.listener.auto-startup=false",
            "takedown.remediation.owners.default-owner=org-platform",
            "takedown.remediation.owners.models.partner-diffusion-xl=org-partner",
            "takedown.remediation.owners.services[partner-gen.example]=org-partner"
        })
class RemediationsModuleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static final Caller OWNER = new Caller("platform", "org-platform", "PLATFORM_SERVICE");
    private static final Caller PARTNER = new Caller("platform-b", "org-partner", "PLATFORM_SERVICE");
    private static final Caller MODERATOR = new Caller("moderator", null, "MODERATOR");
    private static final Caller COMPLIANCE = new Caller("compliance", null, "COMPLIANCE_OFFICER");
    private static final Caller RIGHTS_HOLDER = new Caller("rightsholder-a", "org-platform", "RIGHTS_HOLDER");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }

    @TestConfiguration
    static class Fixtures {

        @Bean
        TestClock clock() {
            return new TestClock();
        }

        @Bean
        ReplayedScreening screening() {
            return new ReplayedScreening();
        }

        @Bean
        CommittedEvents committedEvents() {
            return new CommittedEvents();
        }
    }

    /** The facts that reached the outbox: those of transactions that committed. */
    static class CommittedEvents {

        final List<TakedownEvent> events = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(TakedownEvent event) {
            events.add(event);
        }

        <T> List<T> of(Class<T> type, String caseId) {
            return events.stream()
                    .filter(type::isInstance)
                    .map(type::cast)
                    .filter(e -> ((TakedownEvent) e).caseId().equals(caseId))
                    .toList();
        }
    }

    /** The real matcher (the corpus check runs on it); replay results as a test sets them, replay requests counted. */
    static class ReplayedScreening extends Screening {

        volatile Map<String, ReplayResult> replays = Map.of();
        final AtomicInteger replayRequests = new AtomicInteger();

        @Override
        public Map<String, ReplayResult> replayResults() {
            return replays;
        }

        @Override
        public void replayNow() {
            replayRequests.incrementAndGet();
        }
    }

    static class TestClock extends Clock {

        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    Remediations remediations;

    @Autowired
    TestClock clock;

    @Autowired
    CommittedEvents committed;

    @MockitoBean
    NoticeCases cases;

    @MockitoBean
    Measures measures;

    @Autowired
    ReplayedScreening screening;

    /** A new case per test: {@code @ApplicationModuleTest} runs every test on one instance of this class. */
    private String caseId;

    private String filterId;

    @BeforeEach
    void aCaseOnGeneratedOutputWithAPromptFilter() {
        caseId = "case-" + UUID.randomUUID();
        filterId = UUID.randomUUID().toString();
        clock.now = T0;
        screening.replays = Map.of();
        screening.replayRequests.set(0);
        when(cases.targets(caseId))
                .thenReturn(List.of(new CaseTarget(
                        "https://gen.example/img/1", "acct-1", TargetType.GENERATED_OUTPUT, "P-1", null, null, null)));
        filters(filter(filterId, MeasureStatus.APPLIED, List.of("Ultraman")));
    }

    @Test
    void anAcceptedNoticeOpensItOnceForTheDefaultOwnerAndThePartnersModelForThePartner() {
        RemediationView first = remediations.open(caseId);
        RemediationView again = remediations.open(caseId);

        assertThat(again.remediationId()).isEqualTo(first.remediationId());
        assertThat(first.ownerId()).as("gen.example is no registered service").isEqualTo("org-platform");
        assertThat(first.status()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThat(first.dueAt()).isEqualTo(T0.plus(Duration.ofDays(15)));
        assertThat(committed.of(RemediationOpened.class, caseId))
                .singleElement()
                .satisfies(e -> assertThat(e.ownerId()).isEqualTo("org-platform"));

        String partnerCase = "case-" + UUID.randomUUID();
        when(cases.targets(partnerCase))
                .thenReturn(List.of(new CaseTarget(
                        "https://hub.example/m/7", null, TargetType.MODEL, null, null, "partner-diffusion-xl", null)));
        assertThat(remediations.open(partnerCase).ownerId()).isEqualTo("org-partner");
        String serviceCase = "case-" + UUID.randomUUID();
        when(cases.targets(serviceCase))
                .thenReturn(List.of(new CaseTarget(
                        "https://img.partner-gen.example/o/1",
                        null,
                        TargetType.PROMPT_PATTERN,
                        null,
                        null,
                        null,
                        null)));
        assertThat(remediations.open(serviceCase).ownerId()).isEqualTo("org-partner");
    }

    @Test
    void manyNodesReportingTheSameFailedReplayOpenItOnce() throws Exception {
        int nodes = 8;
        CountDownLatch ready = new CountDownLatch(nodes);
        List<Callable<Boolean>> reports = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            String name = "node-" + node;
            reports.add(() -> {
                ready.countDown();
                ready.await();
                return remediations.openForFailedReplay(caseId, filterId, 1, name, T0.minusSeconds(5));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<Boolean> opened = new ArrayList<>();
        try {
            for (Future<Boolean> report : pool.invokeAll(reports)) {
                opened.add(report.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(opened).as("only the first call opens").containsOnlyOnce(true);
        assertThat(committed.of(RemediationOpened.class, caseId))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.measureId()).isEqualTo(filterId);
                    assertThat(e.failure()).contains(filterId, "1 prompt(s) no longer blocked");
                });
        assertThat(remediations.forCase(caseId).orElseThrow().lastFailure()).contains("screening node node-");
        assertThat(remediations.openForFailedReplay(caseId, filterId, 1, "node-9", T0.plusSeconds(5)))
                .as("an open remediation is left as it is")
                .isFalse();
        assertThat(remediations.openForFailedReplay(caseId, "m-gone", 1, "node-1", T0))
                .as("a measure no longer applied opens nothing")
                .isFalse();
    }

    @Test
    void aReplayThatFailsAfterTheVerificationReopensItAnOlderOneDoesNot() {
        String id = remediations.open(caseId).remediationId();
        remediations.recordChange(id, "f-2", null, "filter tightened", List.of(), OWNER);
        replayed(filterId, T0.plusSeconds(30), List.of());
        clock.now = T0.plusSeconds(40);
        assertThat(remediations.verify(caseId)).isEqualTo(VerificationOutcome.PASSED);

        assertThat(remediations.openForFailedReplay(caseId, filterId, 1, "node-1", T0.plusSeconds(35)))
                .as("the failure the verification already saw")
                .isFalse();
        clock.now = T0.plus(Duration.ofDays(2));
        assertThat(remediations.openForFailedReplay(caseId, filterId, 2, "node-1", T0.plus(Duration.ofDays(1))))
                .isTrue();

        RemediationView reopened = remediations.find(id, OWNER);
        assertThat(reopened.status()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThat(reopened.dueAt()).isEqualTo(T0.plus(Duration.ofDays(17)));
        assertThat(committed.of(RemediationOpened.class, caseId)).hasSize(2);
    }

    @Test
    void onlyTheOwnerListsReadsAndChangesItStaffReadAndAnotherOwnerFindsNothing() {
        String id = remediations.open(caseId).remediationId();

        assertThat(ids(remediations.list(null, OWNER))).contains(id);
        assertThat(ids(remediations.list(null, COMPLIANCE))).contains(id);
        assertThat(ids(remediations.list(null, MODERATOR))).contains(id);
        assertThat(ids(remediations.list(null, PARTNER))).doesNotContain(id);
        assertThat(ids(remediations.list(null, RIGHTS_HOLDER)))
                .as("an organisation is the owner only through a platform credential")
                .isEmpty();
        assertThat(ids(remediations.list(RemediationStatus.VERIFIED, OWNER))).doesNotContain(id);
        assertThat(remediations.details(id, COMPLIANCE).remediation().ownerId()).isEqualTo("org-platform");

        for (Caller stranger : List.of(PARTNER, RIGHTS_HOLDER)) {
            assertThatThrownBy(() -> remediations.find(id, stranger)).isInstanceOf(RemediationNotFoundException.class);
        }
        for (Caller notOwner : List.of(PARTNER, COMPLIANCE, MODERATOR)) {
            assertThatThrownBy(() -> remediations.recordChange(id, "f", null, "d", List.of(), notOwner))
                    .isInstanceOf(RemediationNotFoundException.class);
        }
        assertThat(remediations.find(id, OWNER).status()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThatThrownBy(() -> remediations.find("not-a-uuid", OWNER))
                .isInstanceOf(RemediationNotFoundException.class);
    }

    @Test
    void aTermBlockingTooManyEverydayPromptsIsRefusedWithItsShareAndNothingIsRecorded() {
        String id = remediations.open(caseId).remediationId();

        assertThatThrownBy(
                        () -> remediations.recordChange(id, "f-2", null, "wider", List.of("Tiga", "the", "迪迦"), OWNER))
                .isInstanceOfSatisfying(
                        TermsTooBroadException.class,
                        e -> assertThat(e.terms()).singleElement().satisfies(term -> {
                            assertThat(term.field()).isEqualTo("added_terms[1]");
                            assertThat(term.term()).isEqualTo("the");
                            assertThat(term.benignShare()).isBetween(0.05, 0.2);
                            assertThat(term.maxShare()).isEqualTo(0.005);
                            assertThat(term.message()).contains("\"the\"", "of 1000 everyday prompts");
                        }));

        RemediationDetails unchanged = remediations.details(id, OWNER);
        assertThat(unchanged.remediation().status()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThat(unchanged.changes()).isEmpty();
        assertThat(committed.of(RemediationChangeRecorded.class, caseId)).isEmpty();
        verify(measures, never()).widenFilters(anyString(), anyList(), anyString());
    }

    @Test
    void aCharacterNameGoesToAModeratorAndWidensTheFilterOnlyOnceApproved() {
        String id = remediations.open(caseId).remediationId();

        RemediationChange change =
                remediations.recordChange(id, "f-2", null, "the character's name", List.of("Tiga"), OWNER);

        assertThat(change.widening()).isEqualTo(WideningReview.PENDING);
        assertThat(remediations.find(id, OWNER).status()).isEqualTo(RemediationStatus.AWAITING_APPROVAL);
        assertThat(committed.of(RemediationChangeRecorded.class, caseId))
                .singleElement()
                .satisfies(e -> assertThat(e.wideningReview()).isTrue());
        verify(measures, never()).widenFilters(anyString(), anyList(), anyString());
        assertThat(screening.replayRequests).hasValue(0);
        assertThatThrownBy(() -> remediations.decideWidening(id, true, null, OWNER))
                .as("the owner does not approve its own widening")
                .isInstanceOf(RemediationNotFoundException.class);
        assertThatThrownBy(() -> remediations.recordChange(id, "f-3", null, "more", List.of(), OWNER))
                .isInstanceOf(RemediationConflictException.class);

        clock.now = T0.plusSeconds(600);
        RemediationChange approved = remediations.decideWidening(id, true, null, MODERATOR);

        assertThat(approved.widening()).isEqualTo(WideningReview.APPROVED);
        assertThat(approved.wideningDecidedBy()).isEqualTo("moderator");
        verify(measures).widenFilters(caseId, List.of("Tiga"), "moderator");
        assertThat(remediations.find(id, OWNER).status()).isEqualTo(RemediationStatus.VERIFYING);
        assertThat(committed.of(FilterWideningDecided.class, caseId))
                .singleElement()
                .satisfies(e -> assertThat(e.approved()).isTrue());

        String widened = UUID.randomUUID().toString();
        filters(
                filter(filterId, MeasureStatus.LIFTED, List.of("Ultraman")),
                filter(widened, MeasureStatus.APPLIED, List.of("Ultraman", "Tiga")));
        replayed(widened, T0.plusSeconds(300), List.of());
        assertThat(remediations.verify(caseId))
                .as("a replay from before the approval does not verify the wider filter")
                .isEqualTo(VerificationOutcome.PENDING);
        replayed(widened, T0.plusSeconds(700), List.of());
        assertThat(remediations.verify(caseId)).isEqualTo(VerificationOutcome.PASSED);
        assertThatThrownBy(() -> remediations.decideWidening(id, true, null, MODERATOR))
                .isInstanceOf(RemediationConflictException.class);
    }

    @Test
    void aRefusedWideningAppliesNothingAndGoesBackToTheOwnerWithTheReason() {
        String id = remediations.open(caseId).remediationId();
        remediations.recordChange(id, "f-2", null, "names", List.of("Tiga"), OWNER);

        remediations.decideWidening(id, false, "blocks fan art of another work", MODERATOR);

        RemediationView back = remediations.find(id, OWNER);
        assertThat(back.status()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThat(back.lastFailure()).contains("refused by moderator", "blocks fan art of another work");
        verify(measures, never()).widenFilters(anyString(), anyList(), anyString());
        assertThat(committed.of(FilterWideningDecided.class, caseId))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.approved()).isFalse();
                    assertThat(e.reason()).isEqualTo("blocks fan art of another work");
                });
        assertThat(remediations
                        .recordChange(id, null, "gen-5", "retrained instead", List.of(), OWNER)
                        .widening())
                .isEqualTo(WideningReview.NONE);
    }

    @Test
    void termsEveryFilterHasAlreadyWidenNothingAndAreVerifiedAtOnce() {
        String id = remediations.open(caseId).remediationId();

        RemediationChange change = remediations.recordChange(id, "f-2", null, "same", List.of("Ultraman"), OWNER);

        assertThat(change.widening()).isEqualTo(WideningReview.NONE);
        assertThat(remediations.find(id, OWNER).status()).isEqualTo(RemediationStatus.VERIFYING);
        assertThat(screening.replayRequests).hasValue(1);
    }

    @Test
    void verificationWaitsForAFreshReplayFailsBackToTheOwnerThenPassesAndOpensTheCloseGate() {
        String id = remediations.open(caseId).remediationId();
        assertThat(remediations.closeGate(caseId)).isEqualTo(Remediations.CloseGate.PENDING);
        clock.now = T0.plusSeconds(60);
        remediations.recordChange(id, "f-2", null, "tightened", List.of(), OWNER);

        replayed(filterId, T0.plusSeconds(30), List.of());
        assertThat(remediations.verify(caseId)).isEqualTo(VerificationOutcome.PENDING);
        replayed(filterId, T0.plusSeconds(90), List.of("the giant of light"));
        assertThat(remediations.verify(caseId)).isEqualTo(VerificationOutcome.FAILED);
        assertThat(remediations.find(id, OWNER).lastFailure()).contains("the giant of light");

        clock.now = T0.plusSeconds(120);
        remediations.recordChange(id, "f-3", null, "paraphrase covered", List.of(), OWNER);
        replayed(filterId, T0.plusSeconds(150), List.of());
        assertThat(remediations.verify(caseId)).isEqualTo(VerificationOutcome.PASSED);
        assertThat(remediations.verify(caseId)).as("a retried job").isEqualTo(VerificationOutcome.PASSED);

        RemediationDetails details = remediations.details(id, COMPLIANCE);
        assertThat(details.remediation().status()).isEqualTo(RemediationStatus.VERIFIED);
        assertThat(details.changes()).hasSize(2);
        assertThat(details.verifications())
                .extracting(RemediationVerification::outcome)
                .containsExactly(VerificationOutcome.FAILED, VerificationOutcome.PASSED);
        assertThat(committed.of(RemediationVerificationFailed.class, caseId)).hasSize(1);
        assertThat(committed.of(RemediationVerified.class, caseId))
                .singleElement()
                .satisfies(e -> assertThat(e.promptsBlocked()).isEqualTo(1));
        assertThat(remediations.closeGate(caseId)).isEqualTo(Remediations.CloseGate.VERIFIED);
    }

    @Test
    void withoutAReplaySuiteNothingIsVerified() {
        filters(new MeasureView(
                UUID.randomUUID().toString(),
                caseId,
                MeasureType.DELETE,
                "u",
                null,
                MeasureStatus.APPLIED,
                T0,
                null,
                null,
                null,
                null,
                null,
                null));
        String id = remediations.open(caseId).remediationId();
        remediations.recordChange(id, null, "gen-5", "retrained", List.of(), OWNER);

        assertThat(remediations.verify(caseId)).isEqualTo(VerificationOutcome.NO_REPLAY_SUITE);
        assertThat(remediations.find(id, OWNER).status()).isEqualTo(RemediationStatus.AWAITING_OWNER);
    }

    @Test
    void liftingEveryMeasureWithdrawsItOnceAndClosesTheGate() {
        String id = remediations.open(caseId).remediationId();
        assertThat(remediations.withdrawIfMeasuresLifted(caseId))
                .as("a measure still applies")
                .isFalse();

        filters(filter(filterId, MeasureStatus.LIFTED, List.of("Ultraman")));
        assertThat(remediations.withdrawIfMeasuresLifted(caseId)).isTrue();
        assertThat(remediations.withdrawIfMeasuresLifted(caseId))
                .as("a redelivered event")
                .isTrue();

        assertThat(remediations.find(id, OWNER).status()).isEqualTo(RemediationStatus.WITHDRAWN);
        assertThat(committed.of(RemediationWithdrawn.class, caseId)).hasSize(1);
        assertThat(remediations.closeGate(caseId)).isEqualTo(Remediations.CloseGate.NONE);
        assertThat(ids(remediations.list(null, OWNER))).doesNotContain(id);
    }

    @Test
    void anOverdueRemediationEscalatesToComplianceOnce() {
        remediations.open(caseId);
        assertThat(remediations.dueTimer(caseId).toInstant()).isEqualTo(T0.plus(Duration.ofDays(15)));
        clock.now = T0.plus(Duration.ofDays(15));

        remediations.escalate(caseId);
        remediations.escalate(caseId);

        assertThat(remediations.forCase(caseId).orElseThrow().escalatedAt()).isEqualTo(clock.now);
        assertThat(committed.of(RemediationEscalated.class, caseId))
                .singleElement()
                .satisfies(e -> assertThat(e.toGroup()).isEqualTo("COMPLIANCE_OFFICER"));
        assertThat(committed.of(TaskEscalated.class, caseId)).hasSize(1);
    }

    private void filters(MeasureView... views) {
        when(measures.forCase(caseId)).thenReturn(List.of(views));
    }

    private MeasureView filter(String id, MeasureStatus status, List<String> terms) {
        return new MeasureView(
                id,
                caseId,
                MeasureType.PROMPT_FILTER,
                null,
                new ScreeningRule("Ultraman", terms, null, null, null, List.of("draw Ultraman")),
                status,
                T0,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private void replayed(String measureId, Instant at, List<String> failed) {
        screening.replays = Map.of(measureId, new ReplayResult(measureId, caseId, 1, failed, at));
    }

    private static List<String> ids(List<RemediationView> views) {
        return views.stream().map(RemediationView::remediationId).toList();
    }
}
