package dev.takedown.screening.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.screening.Decision;
import dev.takedown.screening.FileVerdict;
import dev.takedown.screening.ReplayResult;
import dev.takedown.screening.ScreeningEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends screening events off the request path: one daemon thread with a bounded queue. Hashing the
 * prompt, writing the JSON and handing it to Kafka (which may block for metadata while a broker is down) all happen
 * there; when the queue is full the event is dropped and counted, so a slow or dead broker never slows a verdict.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScreeningEvents.Sink sink;
    private final String node;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public EventPublisher(ScreeningEvents.Sink sink, String node, int queueCapacity) {
        this.sink = sink;
        this.node = node;
        this.executor = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, "screening-events");
                    t.setDaemon(true);
                    return t;
                },
                (r, pool) -> dropped.incrementAndGet());
    }

    public String node() {
        return node;
    }

    /** Events not sent because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Events whose building or sending threw. */
    public long failed() {
        return failed.get();
    }

    /** A sampled verdict about {@code measureId}; {@code prompt} is hashed on the background thread. */
    public void blocked(
            String measureId,
            String caseId,
            List<String> measureIds,
            Decision decision,
            String prompt,
            String pdqHash,
            Instant at) {
        submit(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            UUID id = UUID.randomUUID();
            body.put("eventId", id.toString());
            body.put("occurredAt", at.toString());
            body.put("caseId", caseId);
            body.put("actor", "system");
            body.put("measureIds", measureIds);
            if (prompt != null) {
                body.put("promptSha256", sha256(prompt));
            }
            if (pdqHash != null) {
                body.put("pdqHash", pdqHash);
            }
            body.put("node", node);
            body.put("decision", decision.name());
            body.put("check", prompt != null ? "prompt" : "image");
            return new ScreeningEvents.Event(
                    id.toString(),
                    ScreeningEvents.BLOCKED,
                    at,
                    measureId,
                    caseId != null ? caseId : measureId,
                    JSON.writeValueAsBytes(body));
        });
    }

    /** A sampled upload verdict about {@code measureId}: the file's hash, the decision and why. */
    public void fileBlocked(String measureId, String caseId, FileVerdict verdict, Instant at) {
        submit(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            UUID id = UUID.randomUUID();
            body.put("eventId", id.toString());
            body.put("occurredAt", at.toString());
            body.put("caseId", caseId);
            body.put("actor", "system");
            body.put("measureIds", verdict.measureIds());
            body.put("fileSha256", verdict.sha256());
            body.put("node", node);
            body.put("decision", verdict.decision().name());
            body.put("reason", verdict.reason().name());
            body.put("check", "file");
            return new ScreeningEvents.Event(
                    id.toString(),
                    ScreeningEvents.BLOCKED,
                    at,
                    measureId,
                    caseId != null ? caseId : measureId,
                    JSON.writeValueAsBytes(body));
        });
    }

    public void replayed(ReplayResult result) {
        submit(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            UUID id = UUID.randomUUID();
            body.put("eventId", id.toString());
            body.put("occurredAt", result.at().toString());
            body.put("measureId", result.measureId());
            body.put("caseId", result.caseId());
            body.put("actor", "system");
            body.put("node", node);
            body.put("passed", result.passed());
            body.put(
                    "failed",
                    result.failedPrompts().stream().map(EventPublisher::sha256).toList());
            body.put("at", result.at().toString());
            return new ScreeningEvents.Event(
                    id.toString(),
                    ScreeningEvents.REPLAY_COMPLETED,
                    result.at(),
                    result.measureId(),
                    result.caseId() != null ? result.caseId() : result.measureId(),
                    JSON.writeValueAsBytes(body));
        });
    }

    private interface Builder {
        ScreeningEvents.Event build() throws Exception;
    }

    private void submit(Builder builder) {
        try {
            executor.execute(() -> {
                try {
                    sink.send(builder.build());
                } catch (Exception | LinkageError e) {
                    failed.incrementAndGet();
                    log.warn("Screening event not sent: {}", e.toString());
                }
            });
        } catch (RuntimeException shutDown) {
            dropped.incrementAndGet();
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to {@code millis} for queued events to be handed to the sink (tests, shutdown). */
    public boolean flush(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (executor.getQueue().isEmpty() && executor.getActiveCount() == 0) {
                return true;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        flush(2_000);
        executor.shutdownNow();
    }
}
