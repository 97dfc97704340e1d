package dev.takedown.measures.messaging;

import dev.takedown.events.InboundSignatures;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.enforcement}: the platform whose answers count ({@code platform}, the organisation of its key) and
 * the keys that sign answers on {@code takedown.enforcement-results}, by key id (as {@code takedown.intake.keys}).
 */
@ConfigurationProperties("takedown.enforcement")
record EnforcementProperties(String platform, Map<String, InboundSignatures.Key> keys) {

    EnforcementProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
