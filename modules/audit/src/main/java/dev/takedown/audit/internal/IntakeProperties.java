package dev.takedown.audit.internal;

import dev.takedown.events.InboundSignatures;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.intake.keys}: the organisations' keys for notices on the inbound topic, by key id. The ledger
 * checks the same signatures as the intake, so that it records who sent a notice, not who it claims to be from.
 */
@ConfigurationProperties("takedown.intake")
public record IntakeProperties(Map<String, InboundSignatures.Key> keys) {

    public IntakeProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    InboundSignatures signatures() {
        return new InboundSignatures(keys);
    }
}
