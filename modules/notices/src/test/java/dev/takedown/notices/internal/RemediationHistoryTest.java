package dev.takedown.notices.internal;

import static org.mockito.Mockito.verify;

import dev.takedown.events.FilterWideningDecided;
import dev.takedown.events.RemediationChangeRecorded;
import dev.takedown.events.RemediationEscalated;
import dev.takedown.events.RemediationOpened;
import dev.takedown.events.RemediationVerificationFailed;
import dev.takedown.events.RemediationVerified;
import dev.takedown.events.RemediationWithdrawn;
import dev.takedown.notices.CaseLifecycle;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** Each remediation fact becomes the note a reader of the case's history needs, by whoever caused it. */
@ExtendWith(MockitoExtension.class)
class RemediationHistoryTest {

    private static final Instant DUE = Instant.parse("2026-03-16T08:00:00Z");
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Mock
    CaseLifecycle cases;

    @Test
    void openingNamesTheOwnerTheFailureAndTheDueDate() {
        RemediationHistory history = new RemediationHistory(cases);
        history.on(new RemediationOpened(id(), AT, "c-1", "system", "r-1", "org-platform", DUE, null, null));
        history.on(new RemediationOpened(
                id(), AT, "c-2", "system", "r-2", "org-partner", DUE, "m-9", "measure m-9 failed on node-2"));

        verify(cases).note("c-1", "system", "model remediation opened for org-platform; due 2026-03-16T08:00:00Z");
        verify(cases)
                .note(
                        "c-2",
                        "system",
                        "model remediation opened for org-partner: measure m-9 failed on node-2; due "
                                + "2026-03-16T08:00:00Z");
    }

    @Test
    void changesWideningsAndVerificationsAreNotedByTheirActor() {
        RemediationHistory history = new RemediationHistory(cases);
        history.on(new RemediationChangeRecorded(
                id(), AT, "c-1", "platform", "r-1", "ch-1", "f-2", null, List.of("Tiga"), true));
        history.on(new RemediationChangeRecorded(
                id(), AT, "c-1", "platform", "r-1", "ch-2", null, "gen-4.1", List.of(), false));
        history.on(new FilterWideningDecided(
                id(), AT, "c-1", "moderator", "r-1", "ch-1", List.of("Tiga"), false, "too broad for the corpus"));
        history.on(new FilterWideningDecided(id(), AT, "c-1", "senior", "r-1", "ch-1", List.of("Tiga"), true, null));
        history.on(new RemediationVerified(id(), AT, "c-1", "system", "r-1", "ch-2", List.of("m-1"), 4, AT));
        history.on(new RemediationVerificationFailed(
                id(),
                AT,
                "c-1",
                "system",
                "r-1",
                "ch-2",
                "FAILED",
                List.of("draw Tiga"),
                "1 prompt(s) still generated"));
        history.on(new RemediationWithdrawn(id(), AT, "c-1", "system", "r-1"));
        history.on(new RemediationEscalated(id(), AT, "c-1", "system", "r-1", "COMPLIANCE_OFFICER", DUE));

        verify(cases)
                .note(
                        "c-1",
                        "platform",
                        "model remediation change recorded: filter f-2, model -; added terms [Tiga] await a "
                                + "moderator's approval");
        verify(cases).note("c-1", "platform", "model remediation change recorded: filter -, model gen-4.1");
        verify(cases).note("c-1", "moderator", "filter widening refused: too broad for the corpus");
        verify(cases).note("c-1", "senior", "filter widening approved: [Tiga] added to the case's filter measures");
        verify(cases).note("c-1", "system", "model remediation verified: 4 replay prompt(s) blocked");
        verify(cases).note("c-1", "system", "model remediation not verified: 1 prompt(s) still generated");
        verify(cases).note("c-1", "system", "model remediation withdrawn: every measure of the case was lifted");
        verify(cases)
                .note(
                        "c-1",
                        "system",
                        "model remediation overdue since 2026-03-16T08:00:00Z; escalated to COMPLIANCE_OFFICER");
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
