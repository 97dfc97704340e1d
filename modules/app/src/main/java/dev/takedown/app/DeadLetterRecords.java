package dev.takedown.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dead letters as a table, written when the recoverer sends a record to its dead-letter topic: every node writes
 * to the one database, so the page lists what any node dead-lettered, once per original record (another node or
 * consumer group failing on the same record keeps the first row).
 */
@Component
public class DeadLetterRecords {

    /** Characters of a value the page shows. */
    static final int PREVIEW = 500;

    /** Rows the page shows at most, newest first. */
    static final int SHOWN = 200;

    private static final TypeReference<List<Map<String, String>>> HEADERS = new TypeReference<>() {};
    private static final String COLUMNS = """
            id, topic, kafka_partition, kafka_offset, record_key, reason, consumer_group, dead_at, status, resolved_by,
            resolved_at, resolution_note, substring(payload from 1 for %d) as head, length(payload) as size""".formatted(PREVIEW * 4);

    /** A dead letter with everything a replay needs. */
    record Stored(DeadLetter letter, byte[] payload, List<Header> headers) {}

    /** Open and total dead letters of one original topic. */
    public record TopicCount(String topic, int open, int total) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    DeadLetterRecords(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a record the recoverer is about to dead-letter, with the reason it gives and the group that failed. */
    void record(ConsumerRecord<?, ?> record, String reason, String consumerGroup) {
        List<Map<String, String>> headers = new ArrayList<>();
        record.headers()
                .forEach(h -> headers.add(Map.of(
                        "name",
                        h.key(),
                        "value",
                        Base64.getEncoder().encodeToString(h.value() == null ? new byte[0] : h.value()))));
        try {
            jdbc.update(
                    """
                    insert into dead_letter (id, topic, kafka_partition, kafka_offset, record_key, payload, headers,
                        reason, consumer_group, dead_at, status)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, 'OPEN')
                    on conflict (topic, kafka_partition, kafka_offset) do nothing""",
                    UUID.randomUUID(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    storable(text(record.key())),
                    bytes(record.value()),
                    json.writeValueAsString(headers),
                    storable(reason),
                    storable(consumerGroup),
                    Timestamp.from(clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per original topic, how many dead letters are open and how many there are. */
    public List<TopicCount> topics() {
        return jdbc.query("""
                select topic, count(*) filter (where status = 'OPEN') as open, count(*) as total
                from dead_letter group by topic order by topic""", (rs, i) -> new TopicCount(rs.getString("topic"), rs.getInt("open"), rs.getInt("total")));
    }

    /** The newest {@link #SHOWN} dead letters, of one topic or (null) of all. */
    public List<DeadLetter> list(String topic) {
        if (topic == null) {
            return jdbc.query(
                    "select " + COLUMNS + " from dead_letter order by dead_at desc, id limit " + SHOWN,
                    (rs, i) -> letter(rs));
        }
        return jdbc.query(
                "select " + COLUMNS + " from dead_letter where topic = ? order by dead_at desc, id limit " + SHOWN,
                (rs, i) -> letter(rs),
                topic);
    }

    /** An open dead letter, locked until the transaction ends, so that two people cannot resolve it twice. */
    Optional<Stored> lockOpen(UUID id) {
        return jdbc
                .query(
                        "select " + COLUMNS + ", payload, headers from dead_letter where id = ? and status = 'OPEN'"
                                + " for update",
                        (rs, i) -> new Stored(letter(rs), rs.getBytes("payload"), headers(rs.getString("headers"))),
                        id)
                .stream()
                .findFirst();
    }

    void resolve(UUID id, DeadLetterStatus status, String actor, String note) {
        jdbc.update("""
                update dead_letter set status = ?, resolved_by = ?, resolved_at = ?, resolution_note = ?
                where id = ? and status = 'OPEN'""", status.name(), actor, Timestamp.from(clock.instant()), note, id);
    }

    private List<Header> headers(String stored) throws SQLException {
        try {
            List<Header> headers = new ArrayList<>();
            for (Map<String, String> h : json.readValue(stored, HEADERS)) {
                headers.add(new RecordHeader(h.get("name"), Base64.getDecoder().decode(h.get("value"))));
            }
            return headers;
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable headers of a dead letter", e);
        }
    }

    private static DeadLetter letter(ResultSet rs) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        byte[] head = rs.getBytes("head");
        return new DeadLetter(
                rs.getObject("id", UUID.class),
                rs.getString("topic"),
                rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"),
                rs.getString("record_key"),
                rs.getString("reason"),
                rs.getString("consumer_group"),
                rs.getTimestamp("dead_at").toInstant(),
                DeadLetterStatus.valueOf(rs.getString("status")),
                preview(head),
                head == null ? -1 : rs.getInt("size"),
                rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                rs.getString("resolution_note"));
    }

    /** The start of a value as text: at most {@link #PREVIEW} characters, control characters made visible. */
    static String preview(byte[] head) {
        if (head == null) {
            return "";
        }
        String text = new String(head, StandardCharsets.UTF_8);
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(PREVIEW).forEach(c -> {
            if ((Character.isISOControl(c) && c != '\n' && c != '\t') || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > PREVIEW) {
            shown.append('…');
        }
        return shown.toString();
    }

    /** PostgreSQL text holds no NUL, which is what some poison records are made of. */
    private static String storable(String text) {
        return text == null ? null : text.replace("\u0000", "\\u0000");
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
