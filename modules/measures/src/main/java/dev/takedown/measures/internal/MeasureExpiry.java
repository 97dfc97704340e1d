package dev.takedown.measures.internal;

import dev.takedown.measures.Measures;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends measures on the last day the moderator chose for them: a measure with an end does not restrict after it. */
@Component
class MeasureExpiry {

    private final Measures measures;

    MeasureExpiry(Measures measures) {
        this.measures = measures;
    }

    @Scheduled(
            fixedDelayString = "${takedown.measures.expiry-check:PT15M}",
            initialDelayString = "${takedown.measures.expiry-check:PT15M}")
    void expire() {
        int expired;
        do {
            expired = measures.expireDue();
        } while (expired > 0);
    }
}
