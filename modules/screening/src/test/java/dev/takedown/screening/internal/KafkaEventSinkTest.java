package dev.takedown.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.takedown.screening.ScreeningEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaOperations;

class KafkaEventSinkTest {

    @Test
    @SuppressWarnings("unchecked")
    void sendsBytesWithCloudEventHeadersAndIgnoresAFailedSend() {
        KafkaOperations<String, byte[]> kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        new KafkaEventSink(kafka)
                .send(new ScreeningEvents.Event(
                        "id-1",
                        ScreeningEvents.BLOCKED,
                        Instant.parse("2025-01-01T00:00:00Z"),
                        "m-1",
                        "case-1",
                        "{}".getBytes(StandardCharsets.UTF_8)));
        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        ProducerRecord<String, byte[]> record = sent.getValue();
        assertThat(record.topic()).isEqualTo("takedown.screening-events");
        assertThat(record.key()).isEqualTo("case-1");
        assertThat(header(record, "ce_id")).isEqualTo("id-1");
        assertThat(header(record, "ce_type")).isEqualTo("dev.takedown.screening.blocked.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/takedown/screening");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_time")).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(header(record, "ce_subject")).isEqualTo("m-1");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
