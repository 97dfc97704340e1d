package dev.takedown.audit.messaging;

import dev.takedown.audit.internal.LedgerAppender;
import dev.takedown.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every contract topic into the ledger, a whole poll at a time. */
@Component
class LedgerFeed {

    private final LedgerAppender ledger;

    LedgerFeed(LedgerAppender ledger) {
        this.ledger = ledger;
    }

    // an annotation cannot take Topics.ALL (a List); LedgerFeedTest checks this list against it.
    // A new ledger starts from the oldest retained record, not from "now" (Kafka's default).
    @KafkaListener(
            groupId = "takedown-audit",
            properties = "auto.offset.reset=earliest",
            batch = "true",
            topics = {
                Topics.NOTICES_INBOUND,
                Topics.NOTICE_EVENTS,
                Topics.TASKS,
                Topics.MEASURES,
                Topics.ENFORCEMENT_RESULTS,
                Topics.ACCESS_LOG,
                Topics.SCREENING_EVENTS
            })
    void onRecords(List<ConsumerRecord<String, String>> records) {
        ledger.appendAll(records);
    }
}
