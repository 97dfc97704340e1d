package dev.takedown.notices.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.Topics;
import dev.takedown.notices.IdempotencyConflictException;
import dev.takedown.notices.IntakeResult;
import dev.takedown.notices.NoticeIntake;
import dev.takedown.notices.NoticeSubmission;
import dev.takedown.notices.Submitter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Notices from external portals. The record key is {@code organisationId:idempotencyKey}, so a redelivered
 * record finds the case it already opened. Incomplete notices are kept and closed by the lifecycle with the
 * missing elements named, because a producer on Kafka cannot be answered with a 400. A record that is no notice at
 * all (no organisation in the key, no notice document, a reused idempotency key, a value the database refuses) is
 * dead-lettered with the reason by the application's error handler, and the next record is taken.
 */
@Component
class InboundNotices {

    private static final Logger log = LoggerFactory.getLogger(InboundNotices.class);

    private final NoticeIntake intake;
    private final ObjectMapper json;

    InboundNotices(NoticeIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @KafkaListener(topics = Topics.NOTICES_INBOUND, groupId = "takedown-notices")
    void receive(ConsumerRecord<String, String> record) {
        String key = record.key();
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("key must be 'organisationId:idempotencyKey'");
        }
        String organisation = key.substring(0, colon);
        NoticeSubmission notice;
        try {
            notice = json.readValue(record.value(), NoticeSubmission.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a notice document: " + e.getOriginalMessage(), e);
        }
        try {
            IntakeResult result = intake.submit(
                    notice,
                    new Submitter("portal:" + organisation, organisation, Submitter.Channel.KAFKA),
                    key.substring(colon + 1),
                    false);
            log.info("Inbound notice {} → case {} (replayed: {})", key, result.caseId(), result.replayed());
        } catch (IdempotencyConflictException reused) {
            throw new IllegalArgumentException(reused.getMessage(), reused);
        }
    }
}
