package dev.takedown.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Remediation facts reach the case's ledger: each is a versioned type on the notice-events topic, keyed by case. */
class RemediationEventsTest {

    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void everyRemediationFactIsACaseEventOfItsOwnType() {
        List<TakedownEvent> facts = List.of(
                new RemediationOpened(id(), AT, "case-1", "system", "r-1", "org-platform", AT, null, null),
                new RemediationChangeRecorded(
                        id(), AT, "case-1", "platform", "r-1", "c-1", "f-2", null, List.of("Tiga"), true),
                new FilterWideningDecided(id(), AT, "case-1", "moderator", "r-1", "c-1", List.of("Tiga"), true, null),
                new RemediationVerified(id(), AT, "case-1", "system", "r-1", "c-1", List.of("m-1"), 3, AT),
                new RemediationVerificationFailed(
                        id(), AT, "case-1", "system", "r-1", "c-1", "FAILED", List.of("draw Tiga"), "1 prompt"),
                new RemediationWithdrawn(id(), AT, "case-1", "system", "r-1"),
                new RemediationEscalated(id(), AT, "case-1", "system", "r-1", "COMPLIANCE_OFFICER", AT));

        assertThat(facts).allSatisfy(fact -> {
            assertThat(fact.eventType().topic()).isEqualTo(Topics.NOTICE_EVENTS);
            assertThat(fact.key()).isEqualTo("case-1");
            assertThat(fact.eventType().value())
                    .startsWith("dev.takedown.remediation.")
                    .endsWith(".v1");
            assertThat(CloudEventHeaders.of(fact)).containsEntry("ce_subject", "case-1");
        });
        assertThat(facts.stream().map(f -> f.eventType().value()).distinct()).hasSize(facts.size());
    }

    @Test
    void listsAreCopiedAndNeverNull() {
        var recorded = new RemediationChangeRecorded(id(), AT, "case-1", "p", "r-1", "c-1", null, "m-2", null, false);
        assertThat(recorded.addedTerms()).isEmpty();
        var failed = new RemediationVerificationFailed(
                id(), AT, "case-1", "system", "r-1", "c-1", "NO_REPLAY_SUITE", null, "no suite");
        assertThat(failed.failedPrompts()).isEmpty();
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
