package dev.takedown.screening.internal;

import dev.takedown.events.CloudEventHeaders;
import dev.takedown.screening.ScreeningEvents;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends screening events through the app's producer ({@code String} keys, {@code byte[]} values, as configured in
 * application.yml) in CloudEvents binary mode. Fire and forget: a failed send is logged, never retried here.
 */
public final class KafkaEventSink implements ScreeningEvents.Sink {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSink.class);

    private final KafkaOperations<String, byte[]> kafka;

    public KafkaEventSink(KafkaOperations<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void send(ScreeningEvents.Event event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(ScreeningEvents.TOPIC, event.key(), event.body());
        header(record, CloudEventHeaders.ID, event.id());
        header(record, CloudEventHeaders.TYPE, event.type());
        header(record, CloudEventHeaders.SOURCE, ScreeningEvents.SOURCE);
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.TIME, event.time().toString());
        header(record, CloudEventHeaders.SUBJECT, event.subject());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        kafka.send(record).whenComplete((result, error) -> {
            if (error != null) {
                log.warn("Screening event {} ({}) not delivered: {}", event.id(), event.type(), error.toString());
            }
        });
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
