package dev.takedown.aigc.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.aigc.RiskWarnings;
import dev.takedown.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A platform's stream of acknowledgements: valid records are kept as reported over Kafka, anything else refused for the dead-letter topic. */
class InboundRiskWarningsTest {

    private final RiskWarnings warnings = mock(RiskWarnings.class);
    private final InboundRiskWarnings inbound = new InboundRiskWarnings(warnings, new ObjectMapper());

    @Test
    void aValidRecordIsKeptAsReportedOverKafka() {
        inbound.receive(record("""
                {"account_id": "acct-1", "agreement_version": "UA-5", "risk_warning_version": "RW-3",
                 "shown_at": "2025-06-01T00:00:00Z"}
                """));
        verify(warnings)
                .record(
                        new RiskWarnings.Acknowledgement("acct-1", "UA-5", "RW-3", "2025-06-01T00:00:00Z"),
                        "kafka:" + Topics.RISK_WARNINGS);
    }

    @Test
    void anUnreadableOrIncompleteRecordIsRefusedAsPermanentWithItsReason() {
        // IllegalArgumentException: the application's error handler dead-letters it at once, without retries
        assertThatThrownBy(() -> inbound.receive(record("not json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an acknowledgement");
        assertThatThrownBy(() -> inbound.receive(record("[1, 2]"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbound.receive(record("{\"account_id\": \"acct-1\", \"shown_at\": \"yesterday\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("refused acknowledgement");
        verify(warnings, never()).record(any(), anyString());
    }

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>(Topics.RISK_WARNINGS, 0, 7, "acct-1", value);
    }
}
