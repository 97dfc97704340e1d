package dev.takedown.measures.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.EnforcementResult;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.Topics;
import dev.takedown.measures.AcknowledgementRefusedException;
import dev.takedown.measures.Enforcements;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The platform's answers to the measures' commands. An answer counts only when the platform's key signed it (anyone
 * who reaches the broker can write the topic), its type is one of the answers, its key is the measure it names, and
 * the measure's last command is the version it answers ({@link Enforcements#record}). Anything else is
 * dead-lettered with the reason by the application's error handler, and the next record is taken.
 */
@Component
@EnableConfigurationProperties(EnforcementProperties.class)
class EnforcementAnswers {

    private static final Logger log = LoggerFactory.getLogger(EnforcementAnswers.class);

    private final Enforcements enforcements;
    private final ObjectMapper json;
    private final InboundSignatures signatures;
    private final String platform;

    EnforcementAnswers(Enforcements enforcements, ObjectMapper json, EnforcementProperties properties) {
        this.enforcements = enforcements;
        this.json = json;
        this.signatures = new InboundSignatures(properties.keys());
        this.platform = properties.platform();
    }

    @KafkaListener(
            topics = Topics.ENFORCEMENT_RESULTS,
            groupId = "takedown-enforcement",
            autoStartup = "${takedown.enforcement.results-enabled:true}")
    void receive(ConsumerRecord<String, String> record) {
        byte[] value = record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
        InboundSignatures.Verdict verdict = signatures.verifyProducer(
                record.key(),
                value,
                header(record, InboundSignatures.KEY_ID),
                header(record, InboundSignatures.SIGNATURE));
        if (verdict instanceof InboundSignatures.Refused refused) {
            throw new AcknowledgementRefusedException(refused.reason());
        }
        InboundSignatures.Verified signed = (InboundSignatures.Verified) verdict;
        if (platform == null || !platform.equals(signed.organisation())) {
            throw new AcknowledgementRefusedException(
                    "signed by '" + signed.organisation() + "', not by the platform '" + platform + "'");
        }
        String type = header(record, CloudEventHeaders.TYPE);
        Class<? extends EnforcementResult> answer = EnforcementResult.typeOf(type);
        if (answer == null) {
            throw new AcknowledgementRefusedException(
                    "ce_type " + (type == null ? "missing" : "'" + type + "'") + " is no enforcement answer");
        }
        EnforcementResult result;
        try {
            result = json.readValue(record.value(), answer);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new AcknowledgementRefusedException("not a " + answer.getSimpleName() + ": " + e.getMessage());
        }
        if (result == null || !Objects.equals(record.key(), result.measureId())) {
            throw new AcknowledgementRefusedException("the record key must be the measure id the answer names");
        }
        enforcements
                .record(result, signed.principal())
                .ifPresent(recorded -> log.info(
                        "measure {} version {}: {} by {} at {}",
                        recorded.measureId(),
                        recorded.version(),
                        recorded.outcome(),
                        signed.organisation(),
                        recorded.platformAt()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
