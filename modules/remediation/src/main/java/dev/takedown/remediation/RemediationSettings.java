package dev.takedown.remediation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.remediation.*}.
 *
 * @param due        how long the model owner has to remedy and pass verification before compliance is alerted
 * @param replayWait how long the process waits for a replay after a change before it looks again
 */
@ConfigurationProperties("takedown.remediation")
public record RemediationSettings(Duration due, Duration replayWait) {

    public RemediationSettings {
        due = due == null ? Duration.ofDays(15) : due;
        replayWait = replayWait == null ? Duration.ofSeconds(5) : replayWait;
    }
}
