package dev.takedown.aigc.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.aigc.RiskWarnings;
import dev.takedown.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Risk-warning acknowledgements a platform streams instead of calling the API; invalid records are logged, not kept. */
@Component
class InboundRiskWarnings {

    private final RiskWarnings warnings;
    private final ObjectMapper json;

    InboundRiskWarnings(RiskWarnings warnings, ObjectMapper json) {
        this.warnings = warnings;
        this.json = json;
    }

    // the consumer group keeps the name it had in the notices module, so its committed offsets still apply
    @KafkaListener(topics = Topics.RISK_WARNINGS, groupId = "takedown-notices")
    void receive(ConsumerRecord<String, String> record) {
        RiskWarnings.Acknowledgement ack;
        try {
            ack = json.readValue(record.value(), RiskWarnings.Acknowledgement.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // dead-lettered with the reason by the application's error handler; the next record is taken
            throw new IllegalArgumentException("not an acknowledgement: " + e.getMessage(), e);
        }
        var problems = RiskWarnings.problems(ack);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("refused acknowledgement: " + problems);
        }
        warnings.record(ack, "kafka:" + Topics.RISK_WARNINGS);
    }
}
