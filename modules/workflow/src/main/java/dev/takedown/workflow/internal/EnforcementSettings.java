package dev.takedown.workflow.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.enforcement}: how long the platform has to confirm a command, per measure type ({@code default} for
 * the types not listed), and how often a passing failure is sent again.
 */
@ConfigurationProperties("takedown.enforcement")
record EnforcementSettings(Map<String, Duration> deadline, Retry retry) {

    static final String DEFAULT = "default";

    /**
     * @param attempts how many times a command is sent in all (the first one included)
     * @param backOff  the wait before the second attempt; it doubles after each
     */
    record Retry(Integer attempts, Duration backOff) {

        Retry {
            attempts = attempts == null || attempts < 1 ? 3 : attempts;
            backOff = backOff == null ? Duration.ofMinutes(1) : backOff;
        }
    }

    EnforcementSettings {
        deadline = deadline == null ? Map.of() : Map.copyOf(deadline);
        retry = retry == null ? new Retry(null, null) : retry;
    }

    Duration deadlineOf(String measureType) {
        return deadline.getOrDefault(measureType, deadline.getOrDefault(DEFAULT, Duration.ofHours(24)));
    }
}
