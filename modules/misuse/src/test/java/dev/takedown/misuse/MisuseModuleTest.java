package dev.takedown.misuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.events.PartyStandingChanged;
import dev.takedown.testing.EmbeddedDatabase;
import dev.takedown.testing.MovingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The misuse module alone on real PostgreSQL and a clock the test moves: the calendar of DSA Art. 23 for a notifier
 * and for an uploader account (warning, suspension until a date, reinstatement by the scheduled check, termination
 * only after a suspension), the proportion and gravity rules on stored facts, withdrawn findings, the compliance
 * officer's early lift with reasons, and the reversal of a suspension or termination on complaint. Settings are the
 * shipped defaults (config/application.yml).
 */
@ApplicationModuleTest
@TestPropertySource(
        properties = {
            "spring.flyway.locations=classpath:db/migration/misuse",
            "spring.kafka.listener.auto-startup=false",
            // the test calls the reinstatement itself, on its own clock
            "takedown.misuse.reinstatement-check=PT1H",
            "takedown.misuse.gravity.PERSONAL_INFO=2"
        })
class MisuseModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }

    @TestConfiguration
    static class Time {

        // declared as a Clock: a module test drops beans whose declared type lies in another module's package
        @Bean
        Clock clock() {
            return new MovingClock(Instant.parse("2026-03-02T08:00:00Z"));
        }
    }

    @Autowired
    Misuse misuse;

    @Autowired
    MovingClock clock;

    @Test
    void aNotifierIsWarnedThenSuspendedUntilADateThenReinstatedByItself(PublishedEvents events) {
        Party notifier = Party.notifier("org-" + UUID.randomUUID());

        assertThat(unfounded(notifier, 2)).as("two are not yet frequent").isEmpty();
        StandingChange warning = unfounded(notifier, 1).orElseThrow();
        assertThat(warning.change()).isEqualTo(StandingChangeKind.WARNED);
        assertThat(warning.assessment().misuseCount()).isEqualTo(3);
        assertThat(misuse.standing(notifier).status()).isEqualTo(StandingStatus.WARNED);

        assertThat(unfounded(notifier, 2))
                .as("findings count once: the three before the warning are spent")
                .isEmpty();
        StandingChange suspension = unfounded(notifier, 1).orElseThrow();
        Instant suspendedAt = clock.instant();
        assertThat(suspension.change()).isEqualTo(StandingChangeKind.SUSPENDED);
        assertThat(suspension.until()).isEqualTo(suspendedAt.plus(Duration.ofDays(30)));
        assertThat(misuse.standing(notifier))
                .satisfies(s -> assertThat(s.suspended()).isTrue())
                .satisfies(s -> assertThat(s.changeId()).isEqualTo(suspension.changeId()));
        assertThat(unfounded(notifier, 3))
                .as("nothing more happens while suspended")
                .isEmpty();

        clock.advance(Duration.between(clock.instant(), suspension.until()).minusMinutes(1));
        assertThat(misuse.reinstateDue()).isZero();
        assertThat(misuse.standing(notifier).suspended()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(misuse.standing(notifier).status())
                .as("over at its end, even before the check records it")
                .isEqualTo(StandingStatus.WARNED);
        assertThat(misuse.reinstateDue()).isEqualTo(1);
        assertThat(misuse.reinstateDue()).isZero();

        assertThat(misuse.history(notifier))
                .extracting(StandingChange::change)
                .containsExactly(
                        StandingChangeKind.WARNED, StandingChangeKind.SUSPENDED, StandingChangeKind.REINSTATED);
        assertThat(events.ofType(PartyStandingChanged.class)
                        .matching(e -> e.partyId().equals(notifier.id())))
                .extracting(PartyStandingChanged::change)
                .containsExactly("WARNED", "SUSPENDED", "REINSTATED");
        assertThat(events.ofType(PartyStandingChanged.class)
                        .matching(e -> e.change().equals("SUSPENDED")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.until()).isEqualTo(suspendedAt.plus(Duration.ofDays(30)));
                    assertThat(e.caseId()).isEqualTo(suspension.caseId());
                    assertThat(e.window()).isEqualTo("PT2160H");
                });
    }

    @Test
    void manyNoticesFewUnfoundedWarnNobody() {
        Party notifier = Party.notifier("org-" + UUID.randomUUID());
        for (int i = 0; i < 16; i++) {
            misuse.recordActivity(notifier, UUID.randomUUID().toString());
        }

        assertThat(unfounded(notifier, 4)).as("4 of 20 notices").isEmpty();
        assertThat(misuse.standing(notifier).status()).isEqualTo(StandingStatus.GOOD_STANDING);
    }

    @Test
    void graveClaimsAndIntentWeighMore() {
        assertThat(misuse.claimGravity("personal_info")).isEqualTo(2);
        assertThat(misuse.claimGravity("COPYRIGHT")).isEqualTo(1);
        assertThat(misuse.claimGravity(null)).isEqualTo(1);

        Party grave = Party.notifier("org-" + UUID.randomUUID());
        assertThat(finding(grave, 2, false)).isEmpty();
        assertThat(finding(grave, 2, false))
                .as("two grave claims weigh 4 against a threshold of 3")
                .hasValueSatisfying(
                        c -> assertThat(c.assessment().weightedScore()).isEqualTo(4));

        Party intentional = Party.notifier("org-" + UUID.randomUUID());
        assertThat(finding(intentional, 1, true)).isEmpty();
        assertThat(finding(intentional, 1, true))
                .hasValueSatisfying(
                        c -> assertThat(c.assessment().intentional()).isEqualTo(2));

        Party ordinary = Party.notifier("org-" + UUID.randomUUID());
        assertThat(unfounded(ordinary, 2)).as("two ordinary ones weigh 2").isEmpty();
    }

    @Test
    void aWithdrawnFindingStopsCounting() {
        Party notifier = Party.notifier("org-" + UUID.randomUUID());
        unfounded(notifier, 1);
        clock.advance(Duration.ofHours(1));
        String reversed = UUID.randomUUID().toString();
        misuse.recordActivity(notifier, reversed);
        misuse.recordMisuse(notifier, reversed, 1, false);

        assertThat(misuse.withdraw(notifier, reversed))
                .as("upheld on complaint")
                .isTrue();
        assertThat(misuse.withdraw(notifier, reversed)).isFalse();
        assertThat(unfounded(notifier, 1))
                .as("two standing findings are not three")
                .isEmpty();
        assertThat(unfounded(notifier, 1)).isPresent();
    }

    /**
     * DSA Art. 23(1): no single strike suspends or terminates, however grave; the uploader is warned first, then
     * suspended, reinstated at the end, and terminated only after a suspension.
     */
    @Test
    void anUploaderIsWarnedBeforeAnySuspensionAndTerminatedOnlyAfterOne(PublishedEvents events) {
        Party uploader = Party.uploader("acct-" + UUID.randomUUID());

        StandingChange warning = finding(uploader, 3, false).orElseThrow();
        assertThat(warning.change())
                .as("an account termination measure still only warns")
                .isEqualTo(StandingChangeKind.WARNED);

        assertThat(finding(uploader, 1, false))
                .as("one light strike after the warning is below the threshold")
                .isEmpty();
        StandingChange suspension = finding(uploader, 1, false).orElseThrow();
        assertThat(suspension.change()).isEqualTo(StandingChangeKind.SUSPENDED);
        assertThat(suspension.until()).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
        assertThat(finding(uploader, 3, false))
                .as("nothing more while suspended")
                .isEmpty();

        clock.advance(Duration.ofDays(14));
        assertThat(misuse.reinstateDue()).isEqualTo(1);
        assertThat(misuse.standing(uploader).status()).isEqualTo(StandingStatus.WARNED);

        StandingChange termination = finding(uploader, 2, false).orElseThrow();
        assertThat(termination.change()).isEqualTo(StandingChangeKind.TERMINATED);
        assertThat(misuse.standing(uploader).status()).isEqualTo(StandingStatus.TERMINATED);
        assertThat(misuse.history(uploader))
                .extracting(StandingChange::change)
                .containsExactly(
                        StandingChangeKind.WARNED,
                        StandingChangeKind.SUSPENDED,
                        StandingChangeKind.REINSTATED,
                        StandingChangeKind.TERMINATED);
        assertThat(events.ofType(PartyStandingChanged.class)
                        .matching(e -> e.partyId().equals(uploader.id())))
                .allSatisfy(e -> assertThat(e.partyKind()).isEqualTo("UPLOADER"));
    }

    @Test
    void aComplianceOfficerLiftsASuspensionEarlyWithReasons(PublishedEvents events) {
        Party notifier = Party.notifier("org-" + UUID.randomUUID());
        unfounded(notifier, 3);
        StandingChange suspension = unfounded(notifier, 3).orElseThrow();
        assertThat(suspension.change()).isEqualTo(StandingChangeKind.SUSPENDED);

        assertThatThrownBy(() -> misuse.lift(suspension.changeId(), "  ", "compliance"))
                .isInstanceOfSatisfying(
                        InvalidLiftException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("reason")));
        assertThatThrownBy(() -> misuse.lift("no-such-change", "x", "compliance"))
                .isInstanceOf(StandingChangeNotFoundException.class);
        StandingChange warning = misuse.history(notifier).get(0);
        assertThatThrownBy(() -> misuse.lift(warning.changeId(), "x", "compliance"))
                .isInstanceOf(NotSuspendedException.class);

        clock.advance(Duration.ofDays(2));
        StandingChange lifted = misuse.lift(suspension.changeId(), " the reports were a client's error ", "compliance");

        assertThat(lifted.change()).isEqualTo(StandingChangeKind.LIFTED);
        assertThat(lifted.actor()).isEqualTo("compliance");
        assertThat(lifted.reason()).isEqualTo("the reports were a client's error");
        assertThat(misuse.standing(notifier).status()).isEqualTo(StandingStatus.WARNED);
        assertThat(misuse.standings(StandingStatus.SUSPENDED))
                .noneSatisfy(s -> assertThat(s.party()).isEqualTo(notifier));
        assertThatThrownBy(() -> misuse.lift(suspension.changeId(), "again", "compliance"))
                .isInstanceOf(NotSuspendedException.class);
        assertThatThrownBy(() -> misuse.reverse(suspension.changeId(), "reversed on complaint"))
                .as("a lifted suspension has nothing left to reverse")
                .isInstanceOf(NotInForceException.class);
        assertThat(misuse.history(notifier))
                .extracting(StandingChange::change)
                .containsExactly(StandingChangeKind.WARNED, StandingChangeKind.SUSPENDED, StandingChangeKind.LIFTED);
        assertThat(misuse.change(lifted.changeId())).contains(lifted);
        assertThat(events.ofType(PartyStandingChanged.class)
                        .matching(e -> e.change().equals("LIFTED")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo("the reports were a client's error");
                    assertThat(e.actor()).isEqualTo("compliance");
                    assertThat(e.caseId()).isEqualTo(suspension.caseId());
                });
    }

    /**
     * DSA Art. 20(1)(c): a complaint decided in the uploader's favour reverses its suspension in force, recorded as a
     * reversal (not a compliance officer's lift) and published; the reversed suspension no longer leads to
     * termination.
     */
    @Test
    void aComplaintReversesASuspensionInForceWhichThenNoLongerCountsTowardsTermination(PublishedEvents events) {
        Party uploader = Party.uploader("acct-" + UUID.randomUUID());
        finding(uploader, 3, false);
        StandingChange suspension = finding(uploader, 2, false).orElseThrow();
        assertThat(suspension.change()).isEqualTo(StandingChangeKind.SUSPENDED);
        clock.advance(Duration.ofDays(3));

        StandingChange reversal = misuse.reverse(suspension.changeId(), " complaint c-1 decided for the party ");

        assertThat(reversal.change()).isEqualTo(StandingChangeKind.REVERSED);
        assertThat(reversal.actor()).isEqualTo("system");
        assertThat(reversal.reason()).isEqualTo("complaint c-1 decided for the party");
        assertThat(reversal.caseId()).isEqualTo(suspension.caseId());
        assertThat(reversal.at()).isEqualTo(clock.instant());
        assertThat(misuse.standing(uploader)).satisfies(s -> {
            assertThat(s.status()).isEqualTo(StandingStatus.WARNED);
            assertThat(s.changeId()).isEqualTo(reversal.changeId());
        });
        assertThat(misuse.reversed(reversal.changeId()))
                .map(StandingChange::changeId)
                .contains(suspension.changeId());
        assertThat(misuse.reversed(suspension.changeId())).as("not a reversal").isEmpty();
        assertThat(events.ofType(PartyStandingChanged.class)
                        .matching(e ->
                                e.partyId().equals(uploader.id()) && e.change().equals("REVERSED")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.changeId()).isEqualTo(reversal.changeId());
                    assertThat(e.partyKind()).isEqualTo("UPLOADER");
                    assertThat(e.actor()).isEqualTo("system");
                    assertThat(e.reason()).isEqualTo("complaint c-1 decided for the party");
                    assertThat(e.caseId()).isEqualTo(suspension.caseId());
                });
        assertThatThrownBy(() -> misuse.lift(suspension.changeId(), "early", "compliance"))
                .isInstanceOf(NotSuspendedException.class);

        assertThat(finding(uploader, 2, false))
                .as("suspended again, not terminated: the reversed suspension does not count")
                .hasValueSatisfying(c -> assertThat(c.change()).isEqualTo(StandingChangeKind.SUSPENDED));
        assertThat(misuse.history(uploader))
                .extracting(StandingChange::change)
                .containsExactly(
                        StandingChangeKind.WARNED,
                        StandingChangeKind.SUSPENDED,
                        StandingChangeKind.REVERSED,
                        StandingChangeKind.SUSPENDED);
        // the other tests count the reinstatements due on the shared clock: leave nobody suspended
        clock.advance(Duration.ofDays(14));
        assertThat(misuse.reinstateDue()).isEqualTo(1);
    }

    /**
     * A termination reversed on complaint leaves the account warned; the suspension before it was not reversed, so
     * the next step terminates again. A compliance officer's early lift is for suspensions only.
     */
    @Test
    void aComplaintReversesATerminationWhoseSuspensionStillCounts(PublishedEvents events) {
        Party uploader = Party.uploader("acct-" + UUID.randomUUID());
        StandingChange termination = terminated(uploader);
        assertThatThrownBy(() -> misuse.lift(termination.changeId(), "early", "compliance"))
                .isInstanceOf(NotSuspendedException.class);
        clock.advance(Duration.ofDays(1));

        StandingChange reversal = misuse.reverse(termination.changeId(), "complaint c-2 decided for the party");

        assertThat(reversal.change()).isEqualTo(StandingChangeKind.REVERSED);
        assertThat(reversal.caseId()).isEqualTo(termination.caseId());
        assertThat(misuse.standing(uploader).status()).isEqualTo(StandingStatus.WARNED);
        assertThat(misuse.standings(StandingStatus.TERMINATED))
                .noneSatisfy(s -> assertThat(s.party()).isEqualTo(uploader));
        assertThat(misuse.reversed(reversal.changeId()))
                .map(StandingChange::change)
                .contains(StandingChangeKind.TERMINATED);
        assertThat(events.ofType(PartyStandingChanged.class)
                        .matching(e ->
                                e.partyId().equals(uploader.id()) && e.change().equals("REVERSED")))
                .singleElement()
                .satisfies(e -> assertThat(e.changeId()).isEqualTo(reversal.changeId()));
        assertThatThrownBy(() -> misuse.reverse(termination.changeId(), "again"))
                .as("reversed already")
                .isInstanceOf(NotInForceException.class);

        assertThat(finding(uploader, 2, false))
                .hasValueSatisfying(c -> assertThat(c.change()).isEqualTo(StandingChangeKind.TERMINATED));
    }

    /** Only the suspension or termination in force is reversed; anything else is refused and changes nothing. */
    @Test
    void aReversalOfAChangeNotInForceIsRefused() {
        Party uploader = Party.uploader("acct-" + UUID.randomUUID());
        StandingChange warning = finding(uploader, 3, false).orElseThrow();
        StandingChange suspension = finding(uploader, 2, false).orElseThrow();

        assertThatThrownBy(() -> misuse.reverse(warning.changeId(), "reversed"))
                .isInstanceOf(NotInForceException.class);
        assertThatThrownBy(() -> misuse.reverse("no-such-change", "reversed"))
                .isInstanceOf(StandingChangeNotFoundException.class);
        assertThatThrownBy(() -> misuse.reverse(suspension.changeId(), " "))
                .isInstanceOfSatisfying(
                        InvalidLiftException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("reason")));

        clock.advance(Duration.between(clock.instant(), suspension.until()));
        assertThatThrownBy(() -> misuse.reverse(suspension.changeId(), "reversed"))
                .as("over at its end, even before the check records it")
                .isInstanceOf(NotInForceException.class);
        assertThat(misuse.reinstateDue()).isEqualTo(1);
        assertThatThrownBy(() -> misuse.reverse(suspension.changeId(), "reversed"))
                .isInstanceOf(NotInForceException.class);
        assertThat(finding(uploader, 2, false))
                .hasValueSatisfying(c -> assertThat(c.change()).isEqualTo(StandingChangeKind.TERMINATED));
        assertThatThrownBy(() -> misuse.reverse(suspension.changeId(), "reversed"))
                .as("a later change since")
                .isInstanceOf(NotInForceException.class);

        assertThat(misuse.standing(uploader).status()).isEqualTo(StandingStatus.TERMINATED);
        assertThat(misuse.history(uploader))
                .extracting(StandingChange::change)
                .doesNotContain(StandingChangeKind.REVERSED);
    }

    /** Warned, suspended, reinstated at the end, then terminated; the termination. */
    private StandingChange terminated(Party uploader) {
        finding(uploader, 3, false);
        finding(uploader, 2, false).orElseThrow();
        clock.advance(Duration.ofDays(14));
        misuse.reinstateDue();
        StandingChange termination = finding(uploader, 2, false).orElseThrow();
        assertThat(termination.change()).isEqualTo(StandingChangeKind.TERMINATED);
        return termination;
    }

    /** {@code count} manifestly unfounded notices of gravity 1, an hour apart; the last one's step, if any. */
    private Optional<StandingChange> unfounded(Party party, int count) {
        Optional<StandingChange> last = Optional.empty();
        for (int i = 0; i < count; i++) {
            last = finding(party, 1, false);
        }
        return last;
    }

    private Optional<StandingChange> finding(Party party, int gravity, boolean intentional) {
        clock.advance(Duration.ofHours(1));
        String caseId = UUID.randomUUID().toString();
        misuse.recordActivity(party, caseId);
        return misuse.recordMisuse(party, caseId, gravity, intentional);
    }
}
