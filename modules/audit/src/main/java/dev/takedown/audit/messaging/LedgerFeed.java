package dev.takedown.audit.messaging;

import dev.takedown.audit.internal.LedgerAppender;
import dev.takedown.audit.internal.RecordRejected;
import dev.takedown.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/** Every contract topic into the ledger, a whole poll at a time. */
@Component
class LedgerFeed {

    private final LedgerAppender ledger;

    LedgerFeed(LedgerAppender ledger) {
        this.ledger = ledger;
    }

    // an annotation cannot take Topics.ALL (a List); LedgerFeedTest checks this list against it.
    // A new ledger starts from the oldest retained record, not from "now" (Kafka's default). Values are taken as
    // bytes: an external record is recorded by the SHA-256 of exactly what its producer sent.
    @KafkaListener(
            groupId = "takedown-audit",
            containerFactory = LedgerListeners.FACTORY,
            properties = {
                "auto.offset.reset=earliest",
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
            },
            batch = "true",
            topics = {
                Topics.NOTICES_INBOUND,
                Topics.NOTICE_EVENTS,
                Topics.TASKS,
                Topics.MEASURES,
                Topics.ENFORCEMENT_RESULTS,
                Topics.ACCESS_LOG,
                Topics.SCREENING_EVENTS,
                Topics.UNLABELLED_OUTPUTS
            })
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        try {
            ledger.appendAll(records);
        } catch (RecordRejected rejected) {
            // the records before it are appended: the error handler commits them, dead-letters this one and
            // redelivers the rest
            throw new BatchListenerFailedException(rejected.getMessage(), rejected, rejected.index());
        }
    }
}
