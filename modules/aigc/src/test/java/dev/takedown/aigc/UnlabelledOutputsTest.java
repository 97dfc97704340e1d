package dev.takedown.aigc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.takedown.events.Topics;
import dev.takedown.events.UnlabelledOutputReported;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.NoticeIncompleteException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

/** Labelling Measures Art. 9: each output provided without the explicit label is logged under its reporter. */
class UnlabelledOutputsTest {

    private static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");

    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final UnlabelledOutputs outputs = new UnlabelledOutputs(events, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aReportIsALogRecordOfTheUnlabelledOutputsClassUnderTheReportingCredential() {
        UUID id = outputs.record(
                new UnlabelledOutputs.Report(" acct-7 ", "P-42", "2026-03-03T01:59:00Z", "UA-8"), "platform-a");

        ArgumentCaptor<UnlabelledOutputReported> logged = ArgumentCaptor.forClass(UnlabelledOutputReported.class);
        verify(events).publishEvent(logged.capture());
        assertThat(logged.getValue())
                .isEqualTo(new UnlabelledOutputReported(
                        id, NOW, null, "platform-a", "acct-7", "P-42", Instant.parse("2026-03-03T01:59:00Z"), "UA-8"));
        assertThat(logged.getValue().key()).isEqualTo("acct-7");
        assertThat(logged.getValue().eventType().topic()).isEqualTo(Topics.UNLABELLED_OUTPUTS);
    }

    @Test
    void anIncompleteReportIsRefusedNamingEachFieldAndLogsNothing() {
        assertThatThrownBy(() -> outputs.record(new UnlabelledOutputs.Report("", null, "yesterday", " "), "platform-a"))
                .isInstanceOfSatisfying(
                        NoticeIncompleteException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("account_id", "produce_id", "agreement_version", "provided_at"));
        verifyNoInteractions(events);
    }
}
