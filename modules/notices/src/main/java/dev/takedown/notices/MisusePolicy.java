package dev.takedown.notices;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DSA Art. 23(2): a notifier who frequently submits manifestly unfounded notices is warned first, then suspended
 * for a reasonable period.
 *
 * @param threshold  manifestly unfounded notices within {@code window} that trigger the next step
 * @param window     sliding window for counting
 * @param suspension how long a suspension lasts
 */
@ConfigurationProperties("takedown.misuse")
public record MisusePolicy(Integer threshold, Duration window, Duration suspension) {

    public MisusePolicy {
        threshold = threshold == null ? 3 : threshold;
        window = window == null ? Duration.ofDays(90) : window;
        suspension = suspension == null ? Duration.ofDays(30) : suspension;
    }
}
