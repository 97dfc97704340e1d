package dev.takedown.misuse.internal;

import dev.takedown.misuse.Misuse;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends suspensions on their end date: each party is reinstated and told (legal-requirements T10). A suspension past
 * its end already reads as over before this runs ({@code Misuse.standing}); this records the fact and the message.
 */
@Component
class Reinstatements {

    private final Misuse misuse;

    Reinstatements(Misuse misuse) {
        this.misuse = misuse;
    }

    @Scheduled(
            fixedDelayString = "${takedown.misuse.reinstatement-check:PT1M}",
            initialDelayString = "${takedown.misuse.reinstatement-check:PT1M}")
    void reinstate() {
        int reinstated;
        do {
            reinstated = misuse.reinstateDue();
        } while (reinstated > 0);
    }
}
