package dev.takedown.notifiers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public channel's confirmation links. Their key (and the key of the hash that identifies a logged-out notifier by
 * its address) is {@code takedown.notifiers.secret}, by default {@code takedown.links.secret}; changing it gives every
 * address a new identity, so their standing starts afresh.
 *
 * @param confirmationValidity how long a confirmation link works; an unconfirmed notice closes after it
 */
@ConfigurationProperties("takedown.notifiers")
public record NotifierSettings(Duration confirmationValidity) {

    public NotifierSettings {
        confirmationValidity = confirmationValidity == null ? Duration.ofDays(7) : confirmationValidity;
    }
}
