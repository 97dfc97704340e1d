package dev.takedown.correspondence.internal;

import dev.takedown.correspondence.DeliveryBasis;
import dev.takedown.correspondence.LetterStatus;
import dev.takedown.events.LetterBounced;
import dev.takedown.events.LetterDelivered;
import dev.takedown.events.LetterFailed;
import dev.takedown.events.LetterSent;
import dev.takedown.events.TakedownEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Each step a letter takes, recorded on its row and announced as a ledger fact in the same transaction. A step the
 * letter cannot take from where it is (a second receipt, a bounce after a receipt) changes nothing and announces
 * nothing.
 */
@Component
public class LetterProgress {

    /** From where a receipt may deliver a letter: opening its link proves that it arrived, whatever was reported. */
    public static final LetterStatus[] RECEIVABLE = {
        LetterStatus.QUEUED, LetterStatus.SENT, LetterStatus.BOUNCED, LetterStatus.FAILED, LetterStatus.NOT_SENT
    };

    public static final String SMTP = "SMTP";
    public static final String DSN = "DSN";

    private final LetterStore store;
    private final CorrespondenceProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LetterProgress(
            LetterStore store, CorrespondenceProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The mail server accepted the letter; with a deemed delivery of {@code PT0S} that is its delivery too. */
    public void sent(StoredLetter letter) {
        Instant now = clock.instant();
        Duration deemedAfter = properties.getDeemedDelivery().after(letter.kind());
        if (!store.markSent(letter.id(), now, now.plus(deemedAfter))) {
            return;
        }
        events.publishEvent(new LetterSent(
                UUID.randomUUID(),
                now,
                letter.caseId().toString(),
                TakedownEvent.SYSTEM,
                letter.id().toString(),
                letter.kind().name(),
                letter.recipientRole().name(),
                letter.messageId(),
                letter.attempts() + 1));
        if (deemedAfter.isZero()) {
            deemed(store.find(letter.id()).orElseThrow());
        }
    }

    /** Sent and not bounced by the time it was deemed to arrive: delivered at that time, not when this runs. */
    public void deemed(StoredLetter letter) {
        if (letter.status() == LetterStatus.SENT
                && letter.deemedAt() != null
                && !letter.deemedAt().isAfter(clock.instant())) {
            delivered(letter, DeliveryBasis.DEEMED, letter.deemedAt(), TakedownEvent.SYSTEM, null, LetterStatus.SENT);
        }
    }

    public boolean delivered(
            StoredLetter letter, DeliveryBasis basis, Instant at, String actor, String note, LetterStatus... from) {
        if (!store.markDelivered(letter.id(), basis, at, basis == DeliveryBasis.CONFIRMED ? actor : null, note, from)) {
            return false;
        }
        events.publishEvent(new LetterDelivered(
                UUID.randomUUID(),
                clock.instant(),
                letter.caseId().toString(),
                actor,
                letter.id().toString(),
                letter.kind().name(),
                letter.recipientRole().name(),
                basis.name(),
                at,
                store.find(letter.id()).map(StoredLetter::sentAt).orElse(null)));
        return true;
    }

    /** @param source {@link #SMTP} (refused when sent) or {@link #DSN} (reported to the bounce mailbox) */
    public void bounced(StoredLetter letter, String source, String reason) {
        Instant now = clock.instant();
        if (!store.markBounced(letter.id(), now, reason)) {
            return;
        }
        events.publishEvent(new LetterBounced(
                UUID.randomUUID(),
                now,
                letter.caseId().toString(),
                TakedownEvent.SYSTEM,
                letter.id().toString(),
                letter.kind().name(),
                letter.recipientRole().name(),
                source,
                reason));
    }

    /** A transient failure: tried again after the back-off, or FAILED once the attempts are used up. */
    public void failedAttempt(StoredLetter letter, String reason) {
        Instant now = clock.instant();
        int attempt = letter.attempts() + 1;
        CorrespondenceProperties.Retry retry = properties.getRetry();
        if (attempt < retry.getMaxAttempts()) {
            store.retryLater(letter.id(), now.plus(retry.delayAfter(attempt)), reason);
            return;
        }
        if (store.markFailed(letter.id(), now, reason)) {
            events.publishEvent(new LetterFailed(
                    UUID.randomUUID(),
                    now,
                    letter.caseId().toString(),
                    TakedownEvent.SYSTEM,
                    letter.id().toString(),
                    letter.kind().name(),
                    letter.recipientRole().name(),
                    attempt,
                    reason));
        }
    }
}
