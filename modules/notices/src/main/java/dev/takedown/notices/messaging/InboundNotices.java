package dev.takedown.notices.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.Topics;
import dev.takedown.notices.IdempotencyConflictException;
import dev.takedown.notices.IntakeResult;
import dev.takedown.notices.NoticeIncompleteException;
import dev.takedown.notices.NoticeIntake;
import dev.takedown.notices.NoticeSubmission;
import dev.takedown.notices.Submitter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Notices from external portals. The record key is {@code organisationId:idempotencyKey}, so a redelivered
 * record finds the case it already opened. The organisation is the one whose key signed the record
 * ({@link InboundSignatures}); a record signed by another organisation, by an unknown key or not at all is
 * dead-lettered with the reason, and files nothing. Incomplete notices are kept and closed by the lifecycle with the
 * missing elements named, because a producer on Kafka cannot be answered with a 400; a notice claiming a right outside
 * its profiles' vocabulary is dead-lettered with the field and the allowed values. A record that is no notice at
 * all (no organisation in the key, no notice document, a reused idempotency key, a value the database refuses) is
 * dead-lettered with the reason by the application's error handler, and the next record is taken.
 */
@Component
@EnableConfigurationProperties(IntakeProperties.class)
class InboundNotices {

    private static final Logger log = LoggerFactory.getLogger(InboundNotices.class);

    private final NoticeIntake intake;
    private final ObjectMapper json;
    private final InboundSignatures signatures;

    InboundNotices(NoticeIntake intake, ObjectMapper json, IntakeProperties properties) {
        this.intake = intake;
        this.json = json;
        this.signatures = new InboundSignatures(properties.keys());
    }

    @KafkaListener(
            topics = Topics.NOTICES_INBOUND,
            groupId = "takedown-notices",
            autoStartup = "${takedown.intake.kafka-enabled:true}")
    void receive(ConsumerRecord<String, String> record) {
        String key = record.key();
        byte[] value = record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
        InboundSignatures.Verdict verdict = signatures.verify(
                key, value, header(record, InboundSignatures.KEY_ID), header(record, InboundSignatures.SIGNATURE));
        if (verdict instanceof InboundSignatures.Refused refused) {
            throw new IllegalArgumentException(refused.reason());
        }
        String organisation = ((InboundSignatures.Verified) verdict).organisation();
        int colon = key.indexOf(':');
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
        } catch (NoticeIncompleteException refused) {
            // refused outright (a right outside the vocabulary): the reason names the field, as a 400 would; no
            // cause, so that the dead letter's reason is this one
            throw new IllegalArgumentException(refused.problems().stream()
                    .map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
