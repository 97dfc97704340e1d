package dev.takedown.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.ResponseTimesPublished;
import dev.takedown.events.TakedownEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The response times the platform publishes (complaint page, {@code GET /api/response-times}), as numbered versions:
 * at start the configured table is compared with the last published one by the hash of its canonical form, and only
 * a different table becomes version n+1, with a {@link ResponseTimesPublished} event that the audit ledger records.
 * Nodes starting together serialise on the table lock, so one change makes one version.
 */
@Service
public class ResponseTimes {

    /** One published version; {@code times} holds ISO-8601 durations by name, in name order. */
    public record Version(int version, String hash, Instant appliesFrom, SortedMap<String, String> times) {}

    private static final TypeReference<Map<String, String>> TABLE = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final ProfilePolicies policies;
    private final Duration standardReview;
    private final Duration priorityReview;
    private final Duration complaintDecision;

    ResponseTimes(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            ProfilePolicies policies,
            @Value("${takedown.complaints.standard-hours:24}") long standardHours,
            @Value("${takedown.complaints.priority-hours:2}") long priorityHours,
            @Value("${takedown.appeal.due:P7D}") Duration complaintDecision) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.policies = policies;
        this.standardReview = Duration.ofHours(standardHours);
        this.priorityReview = Duration.ofHours(priorityHours);
        this.complaintDecision = complaintDecision;
    }

    /**
     * The table the configuration defines: review times for standard and urgent notices, the time to decide a
     * complaint, and for each enabled profile its complaint window and counter-notice wait.
     */
    public SortedMap<String, String> configured() {
        SortedMap<String, String> table = new TreeMap<>();
        // review times are promised in hours, the rest in days
        table.put("review.standard", standardReview.toString());
        table.put("review.priority", priorityReview.toString());
        table.put("complaint.decision", days(complaintDecision));
        for (JurisdictionProfile profile : JurisdictionProfile.values()) {
            ProfilePolicies.Policy policy = policies.of(profile);
            if (policy.enabled()) {
                // calendar months (DSA Art. 20(1)), never converted into days
                table.put(
                        profile.name() + ".appeal-window", policy.appealWindow().toString());
                if (policy.counterNoticeWaitDays() != null) {
                    // US: business days (the restore window opens after this one and closes after restore-by)
                    table.put(profile.name() + ".counter-notice-wait", "P" + policy.counterNoticeWaitDays() + "D");
                }
                if (policy.counterNoticeRestoreByDays() != null) {
                    table.put(
                            profile.name() + ".counter-notice-restore-by",
                            "P" + policy.counterNoticeRestoreByDays() + "D");
                }
            }
        }
        return table;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishConfigured() {
        publish(configured());
    }

    /** Publishes {@code table} as a new version unless it is the current one; answers the current version. */
    public Version publish(Map<String, String> table) {
        SortedMap<String, String> sorted = new TreeMap<>(table);
        String hash = hash(sorted);
        return transaction.execute(status -> {
            jdbc.execute("lock table response_times_version in exclusive mode");
            Optional<Version> current = current();
            if (current.isPresent() && current.get().hash().equals(hash)) {
                return current.get();
            }
            Instant now = clock.instant();
            int version = current.map(v -> v.version() + 1).orElse(1);
            jdbc.update(
                    "insert into response_times_version (version, hash, applies_from, times) "
                            + "values (?, ?, ?, cast(? as jsonb))",
                    version,
                    hash,
                    Timestamp.from(now),
                    write(sorted));
            events.publishEvent(new ResponseTimesPublished(
                    UUID.randomUUID(), now, null, TakedownEvent.SYSTEM, version, hash, now, sorted));
            return new Version(version, hash, now, sorted);
        });
    }

    /**
     * The version a notifier is told on receipt (DSA Art. 16(4)): the current one; before the first is published
     * (while the node starts), the configured table without a version.
     */
    public Published published() {
        return current()
                .map(v -> new Published(v.version(), v.times()))
                .orElseGet(() -> new Published(null, configured()));
    }

    /** What a receipt tells: the version (null if none is published yet) and the times by name. */
    public record Published(Integer version, SortedMap<String, String> times) {}

    public Optional<Version> current() {
        return jdbc
                .query(
                        "select version, hash, applies_from, times from response_times_version "
                                + "order by version desc limit 1",
                        this::version)
                .stream()
                .findFirst();
    }

    /** Every version, newest first. */
    public List<Version> versions() {
        return jdbc.query(
                "select version, hash, applies_from, times from response_times_version " + "order by version desc",
                this::version);
    }

    /** SHA-256 of {@code name=value} lines in name order: the same table always has the same hash. */
    static String hash(SortedMap<String, String> table) {
        String canonical = table.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whole days as {@code P7D}, anything else as {@code PT36H}. */
    private static String days(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private Version version(ResultSet rs, int row) throws SQLException {
        try {
            return new Version(
                    rs.getInt("version"),
                    rs.getString("hash"),
                    rs.getTimestamp("applies_from").toInstant(),
                    new TreeMap<>(json.readValue(rs.getString("times"), TABLE)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response_times_version " + rs.getInt("version") + " is not a table", e);
        }
    }

    private String write(SortedMap<String, String> table) {
        try {
            return json.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
