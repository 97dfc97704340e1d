package dev.takedown.app.messaging;

import dev.takedown.app.DeadLetterRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every dead-letter topic into the dead-letter table, one consumer group across the nodes: the page then lists
 * every dead letter, not only those a recoverer with a working database recorded as it sent them. New dead-letter
 * topics are found within the metadata refresh.
 */
@Component
class DeadLetterTopics {

    private final DeadLetterRecords records;

    DeadLetterTopics(DeadLetterRecords records) {
        this.records = records;
    }

    @KafkaListener(
            topicPattern = "takedown\\..+\\.DLT",
            groupId = "takedown-dead-letters",
            properties = {
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "metadata.max.age.ms=30000"
            })
    void on(ConsumerRecord<String, byte[]> dead) {
        // a record this listener could not record is itself dead-lettered one level down: never read again
        if (!dead.topic().endsWith(".DLT.DLT")) {
            records.recordFromDeadLetterTopic(dead);
        }
    }
}
