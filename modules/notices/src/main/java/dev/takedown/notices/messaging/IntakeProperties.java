package dev.takedown.notices.messaging;

import dev.takedown.events.InboundSignatures;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.intake.keys}: the organisations' keys for notices on the inbound topic, by key id. Whether the
 * listener runs is {@code takedown.intake.kafka-enabled}; production refuses to run it with a missing or demo key.
 */
@ConfigurationProperties("takedown.intake")
record IntakeProperties(Map<String, InboundSignatures.Key> keys) {

    IntakeProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
