package dev.takedown.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.takedown.events.AccountRestored;
import dev.takedown.events.CaseLiftsEnforced;
import dev.takedown.events.CaseMeasuresEnforced;
import dev.takedown.events.LiftCause;
import dev.takedown.events.LiftEnforced;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureEnforced;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.misuse.StandingStatus;
import dev.takedown.testing.EmbeddedDatabase;
import dev.takedown.testing.MovingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The strike ladder's account suspensions and terminations as measures, with the misuse module's real ladder on
 * PostgreSQL and a clock the test moves (shipped settings: an intentional finding weighs 2, the threshold; a warning
 * first, then a 14-day suspension, then termination). Such a measure is commanded to the platform like any other, but
 * it follows the account's standing: the case's restore, expiry and lifts by hand leave it, and the case's content
 * counts as restored without it.
 */
@ApplicationModuleTest(extraIncludes = "misuse")
@TestPropertySource(
        properties = {
            "spring.flyway.locations=classpath:db/migration/misuse,classpath:db/migration/measures",
            "spring.flyway.out-of-order=true",
            "spring.jpa.properties.hibernate.jdbc.time_zone=UTC",
            "spring.kafka.listener.auto-startup=false",
            // the test reinstates on its own clock
            "takedown.misuse.reinstatement-check=PT1H"
        })
class AccountMeasuresTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }

    @TestConfiguration
    static class Time {

        @Bean
        Clock clock() {
            return new MovingClock(Instant.parse("2026-03-02T08:00:00Z"));
        }
    }

    @Autowired
    Measures measures;

    @Autowired
    Enforcements enforcements;

    @Autowired
    Misuse misuse;

    @Autowired
    MovingClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSuspensionIsAMeasureOfItsOwnThatTheCasesRestoreExpiryAndLiftsByHandLeave(PublishedEvents published) {
        String account = "acct-" + UUID.randomUUID();
        String warned = infringe(account);
        assertThat(measures.onAccountsAfter(warned))
                .as("a warning restricts nothing")
                .isEmpty();

        String suspended = infringe(account);

        StandingChange suspension = misuse.changesOnCase(suspended).stream()
                .filter(change -> change.change() == StandingChangeKind.SUSPENDED)
                .findFirst()
                .orElseThrow();
        MeasureView measure = single(measures.onAccountsAfter(suspended));
        assertThat(measure.type()).isEqualTo(MeasureType.ACCOUNT_SUSPEND);
        assertThat(measure.status()).isEqualTo(MeasureStatus.APPLIED);
        assertThat(measure.accountId()).isEqualTo(account);
        assertThat(measure.standingChangeId()).isEqualTo(suspension.changeId());
        assertThat(measure.enforcement())
                .as("the platform is commanded to suspend the account")
                .isEqualTo(EnforcementStatus.REQUESTED);
        LocalDate lastDay = LocalDate.ofInstant(suspension.until(), ZoneOffset.UTC);
        assertThat(applied(published, measure.measureId())).satisfies(applied -> {
            assertThat(applied.accountId()).isEqualTo(account);
            assertThat(applied.standingChangeId()).isEqualTo(suspension.changeId());
            assertThat(applied.targetUrl()).isNull();
            assertThat(applied.endsOn()).as("the suspension's last day").isEqualTo(lastDay);
        });
        assertThat(measures.forCase(suspended))
                .as("the case's decisions imposed the removal only")
                .extracting(MeasureView::type)
                .containsExactly(MeasureType.DELETE);
        assertThat(measures.restrictions(suspended))
                .extracting(MeasureRestriction::type)
                .containsExactly(MeasureType.DELETE);
        assertThat(measures.forCase(suspended).get(0).accountId())
                .as("a content measure keeps whose content it was to itself")
                .isNull();

        MeasureView deletion = measures.forCase(suspended).get(0);
        enforcements.record(
                new MeasureEnforced(deletion.measureId(), version(deletion), clock.instant()), "kafka-org:platform");
        enforcements.record(
                new MeasureEnforced(measure.measureId(), version(measure), clock.instant()), "kafka-org:platform");
        assertThat(measures.find(measure.measureId()).enforcement()).isEqualTo(EnforcementStatus.ENFORCED);
        assertThat(published.ofType(CaseMeasuresEnforced.class))
                .as("the case's content was removed once; the account's suspension is no fact of it")
                .hasSize(1);

        // the uploader's counter-notice restores the content; the suspension the strike led to stands (Art. 20 is the
        // way to contest it)
        assertThat(measures.liftAll(suspended, "system", LiftCause.COUNTER_NOTICE, "no proceedings"))
                .isEqualTo(1);
        assertThat(measures.find(measure.measureId()).status()).isEqualTo(MeasureStatus.APPLIED);
        MeasureView removal = measures.forCase(suspended).get(0);
        enforcements.record(
                new LiftEnforced(removal.measureId(), version(removal), clock.instant()), "kafka-org:platform");
        assertThat(enforcements.restorationConfirmed(suspended))
                .as("the content is restored though the account stays suspended")
                .isTrue();

        assertThatThrownBy(() -> measures.lift(measure.measureId(), "senior", "by hand"))
                .isInstanceOf(LiftRefusedException.class)
                .hasMessageContaining("it ends with the account's standing");

        // past the suspension's last day, the measures' expiry leaves it: the standing ends it
        clock.advance(Duration.ofDays(16));
        measures.expireDue();
        assertThat(measures.find(measure.measureId()).status()).isEqualTo(MeasureStatus.APPLIED);

        assertThat(misuse.reinstateDue()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> measures.find(measure.measureId()).status() == MeasureStatus.LIFTED);
        assertThat(lifted(published, measure.measureId())).satisfies(lifted -> {
            assertThat(lifted.cause()).isEqualTo(LiftCause.EXPIRY.name());
            assertThat(lifted.accountId()).isEqualTo(account);
            assertThat(lifted.standingChangeId()).isEqualTo(suspension.changeId());
        });
        assertThat(measures.find(measure.measureId()).enforcement())
                .as("the platform is commanded to restore the account")
                .isEqualTo(EnforcementStatus.LIFT_REQUESTED);
        assertThat(published.ofType(AccountRestored.class))
                .as("not restored before the platform says so")
                .isEmpty();

        Instant restoredAt = clock.instant().plusSeconds(30);
        enforcements.record(
                new LiftEnforced(measure.measureId(), version(measures.find(measure.measureId())), restoredAt),
                "kafka-org:platform");
        StandingChange reinstatement = misuse.history(Party.uploader(account)).stream()
                .filter(change -> change.change() == StandingChangeKind.REINSTATED)
                .findFirst()
                .orElseThrow();
        assertThat(published.ofType(AccountRestored.class)).singleElement().satisfies(restored -> {
            assertThat(restored.accountId()).isEqualTo(account);
            assertThat(restored.changeId()).isEqualTo(reinstatement.changeId());
            assertThat(restored.platformAt()).isEqualTo(restoredAt);
            assertThat(restored.caseId()).isEqualTo(suspended);
        });
        assertThat(published.ofType(CaseLiftsEnforced.class))
                .as("the account's restore is no fact of the case's content")
                .hasSize(1);
    }

    @Test
    void anAccountWhoseSuspensionNoMeasureCarriedOutIsRestoredAtOnce(PublishedEvents published) {
        String account = "acct-" + UUID.randomUUID();
        reinstated(account);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> published.ofType(AccountRestored.class).iterator().hasNext());
        assertThat(published.ofType(AccountRestored.class)).singleElement().satisfies(restored -> {
            assertThat(restored.accountId()).isEqualTo(account);
            assertThat(restored.platformAt()).as("no platform was asked").isNull();
        });
    }

    @Test
    void aSuspensionLiftedEarlyEndsByHandAndATerminationEndsOnlyWhenAComplaintReversesIt(PublishedEvents published) {
        String account = "acct-" + UUID.randomUUID();
        infringe(account);
        String suspended = infringe(account);
        MeasureView suspension = single(measures.onAccountsAfter(suspended));

        misuse.lift(suspension.standingChangeId(), "the uploader showed a licence", "officer");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> measures.find(suspension.measureId()).status() == MeasureStatus.LIFTED);
        assertThat(lifted(published, suspension.measureId())).satisfies(lifted -> {
            assertThat(lifted.cause()).isEqualTo(LiftCause.BY_HAND.name());
            assertThat(lifted.actor()).isEqualTo("officer");
            assertThat(lifted.reason()).isEqualTo("the uploader showed a licence");
        });

        String terminated = infringe(account);
        assertThat(misuse.standing(Party.uploader(account)).status()).isEqualTo(StandingStatus.TERMINATED);
        MeasureView termination = single(measures.onAccountsAfter(terminated));
        assertThat(termination.type()).isEqualTo(MeasureType.ACCOUNT_TERMINATE);
        assertThat(applied(published, termination.measureId()))
                .satisfies(applied ->
                        assertThat(applied.endsOn()).as("until further notice").isNull());

        // a suspension ending says nothing about a termination; a complaint reversing it does
        reinstated(account);
        misuse.reverse(termination.standingChangeId(), "the strikes' content was licensed");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> measures.find(termination.measureId()).status() == MeasureStatus.LIFTED);
        assertThat(lifted(published, termination.measureId())).satisfies(lifted -> {
            assertThat(lifted.cause()).isEqualTo(LiftCause.APPEAL.name());
            assertThat(lifted.reason()).isEqualTo("the strikes' content was licensed");
        });
    }

    /** A case whose removal, found intentional, counts a strike of weight 2 against the account. */
    private String infringe(String account) {
        String caseId = "case-" + UUID.randomUUID();
        measures.plan(
                caseId,
                "decision-" + caseId,
                List.of(MeasureType.DELETE),
                List.of(new MeasureTarget("https://gen.example/p/" + caseId, account)),
                null,
                "moderator",
                true);
        measures.applyPlanned(caseId);
        clock.advance(Duration.ofMinutes(1));
        return caseId;
    }

    /** A suspension of the account ended, as the misuse module tells it; this account is terminated meanwhile. */
    private void reinstated(String account) {
        transactions.executeWithoutResult(status -> events.publishEvent(new PartyStandingChanged(
                UUID.randomUUID(),
                clock.instant(),
                "case-x",
                "system",
                UUID.randomUUID().toString(),
                Party.Kind.UPLOADER.name(),
                account,
                StandingChangeKind.REINSTATED.name(),
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                null)));
    }

    private long version(MeasureView measure) {
        return jdbc.queryForObject("select version from measure where id = ?::uuid", Long.class, measure.measureId());
    }

    private static MeasureApplied applied(PublishedEvents published, String measureId) {
        return single(published
                .ofType(MeasureApplied.class)
                .matching(a -> a.measureId().equals(measureId)));
    }

    private static MeasureLifted lifted(PublishedEvents published, String measureId) {
        return single(published
                .ofType(MeasureLifted.class)
                .matching(l -> l.measureId().equals(measureId)));
    }

    private static <T> T single(Iterable<T> events) {
        assertThat(events).hasSize(1);
        return events.iterator().next();
    }
}
