package dev.takedown.app;

import dev.takedown.events.DeadLetterResolved;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays a dead letter to its original topic (same key, value and headers) once its cause is fixed, or discards it
 * with a reason. Either is a ledger fact naming who did it ({@link DeadLetterResolved}); the row is locked while it
 * happens, so two people cannot resolve one dead letter twice.
 */
@Service
public class DeadLetterResolutions {

    /** How long a replay waits for the broker's acknowledgement. */
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final DeadLetterRecords records;
    private final ObjectProvider<KafkaOperations<?, ?>> kafka;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadLetterResolutions(
            DeadLetterRecords records,
            ObjectProvider<KafkaOperations<?, ?>> kafka,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.kafka = kafka;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends the record again to its topic and marks it replayed; empty when it is not open (resolved meanwhile).
     *
     * @throws ReplayFailedException the broker did not take it; the dead letter stays open
     */
    @Transactional
    public Optional<DeadLetter> replay(UUID id, String actor) {
        Optional<DeadLetterRecords.Stored> open = records.lockOpen(id);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        DeadLetter letter = open.get().letter();
        // the application's producer: String keys, byte[] values (EventExternalization)
        @SuppressWarnings("unchecked")
        KafkaOperations<String, byte[]> producer = (KafkaOperations<String, byte[]>) kafka.getIfAvailable();
        if (producer == null) {
            throw new ReplayFailedException("no Kafka producer on this node");
        }
        try {
            producer.send(new ProducerRecord<>(
                            letter.topic(),
                            null,
                            letter.key(),
                            open.get().payload(),
                            open.get().headers()))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ReplayFailedException(DeadLetters.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayFailedException("interrupted");
        }
        resolved(letter, DeadLetterStatus.REPLAYED, actor, null);
        return Optional.of(letter);
    }

    /** Marks the dead letter discarded, for the reason given; empty when it is not open. */
    @Transactional
    public Optional<DeadLetter> discard(UUID id, String actor, String note) {
        Optional<DeadLetterRecords.Stored> open = records.lockOpen(id);
        open.ifPresent(stored -> resolved(stored.letter(), DeadLetterStatus.DISCARDED, actor, note));
        return open.map(DeadLetterRecords.Stored::letter);
    }

    private void resolved(DeadLetter letter, DeadLetterStatus status, String actor, String note) {
        records.resolve(letter.id(), status, actor, note);
        events.publishEvent(new DeadLetterResolved(
                UUID.randomUUID(),
                clock.instant(),
                null,
                actor,
                letter.id().toString(),
                letter.topic(),
                letter.partition(),
                letter.offset(),
                status.name(),
                note));
    }

    /** The broker did not acknowledge a replay. */
    public static class ReplayFailedException extends RuntimeException {

        ReplayFailedException(String reason) {
            super(reason);
        }
    }
}
