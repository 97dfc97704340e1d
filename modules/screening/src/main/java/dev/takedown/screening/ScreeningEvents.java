package dev.takedown.screening;

import dev.takedown.events.Topics;
import java.time.Instant;

/**
 * The screening node's own facts for the audit ledger, published as CloudEvents (binary mode: {@code ce_*} headers,
 * JSON body) to {@link #TOPIC}. The prompt text is never published, only its SHA-256.
 *
 * <ul>
 * <li>{@link #BLOCKED}: a sampled BLOCK/REVIEW verdict; subject = the measure id; body
 * {@code {"eventId","occurredAt","caseId","actor":"system","measureIds":[...],"promptSha256","node","decision",
 * "check"}} ({@code check} is {@code prompt}, {@code image} or {@code file}; image verdicts carry {@code pdqHash} instead of
 * {@code promptSha256}; upload verdicts have {@code check} {@code file} and carry {@code fileSha256} and
 * {@code reason}, {@code SAME_FILE} or {@code SIMILAR_TO_BLOCKED}).</li>
 * <li>{@link #REPLAY_COMPLETED}: a measure's replay suite ran against a new index snapshot; subject = the measure id;
 * body {@code {"eventId","occurredAt","measureId","caseId","actor":"system","node","passed","failed":[sha256...],
 * "at"}}.</li>
 * </ul>
 * Record key: the case id (the measure id when a measure has no case).
 */
public final class ScreeningEvents {

    /** Until it moves into {@code dev.takedown.events.Topics}. */
    public static final String TOPIC = Topics.SCREENING_EVENTS;

    public static final String BLOCKED = "dev.takedown.screening.blocked.v1";
    public static final String REPLAY_COMPLETED = "dev.takedown.screening.replay-completed.v1";
    public static final String SOURCE = "/takedown/screening";

    private ScreeningEvents() {}

    /** One event, ready to send: the {@code ce_*} attributes and the JSON body. */
    public record Event(String id, String type, Instant time, String subject, String key, byte[] body) {}

    /**
     * Where events go: Kafka in the app, a list in tests. Called on a background thread, never on a request;
     * whatever it throws is logged and dropped.
     */
    @FunctionalInterface
    public interface Sink {
        void send(Event event);

        Sink NONE = event -> {};
    }
}
