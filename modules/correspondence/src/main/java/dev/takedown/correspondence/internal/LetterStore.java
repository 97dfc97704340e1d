package dev.takedown.correspondence.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.correspondence.DeliveryBasis;
import dev.takedown.correspondence.LetterKind;
import dev.takedown.correspondence.LetterLink;
import dev.takedown.correspondence.LetterStatus;
import dev.takedown.correspondence.PartyRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The {@code letter} table. Every change of status names the statuses it may leave, so a repeated or late step (a
 * second receipt, a bounce after a receipt) changes nothing; each method says whether it changed the row.
 */
@Component
public class LetterStore {

    private static final TypeReference<List<LetterLink>> LINKS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> MODEL = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<StoredLetter> rows = this::row;

    LetterStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(StoredLetter letter) {
        jdbc.update(
                "insert into letter (id, case_id, kind, recipient_role, recipient_party, recipient_name,"
                        + " recipient_email, language, subject, body, links, model, opens, message_id, status,"
                        + " next_attempt_at, created_at, resent_from)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)",
                letter.id(),
                letter.caseId(),
                letter.kind().name(),
                letter.recipientRole().name(),
                letter.recipientParty(),
                letter.recipientName(),
                letter.recipientEmail(),
                letter.language(),
                letter.subject(),
                letter.body(),
                write(letter.links()),
                write(letter.model()),
                letter.opens(),
                letter.messageId(),
                letter.status().name(),
                timestamp(letter.nextAttemptAt()),
                timestamp(letter.createdAt()),
                letter.resentFrom());
    }

    public Optional<StoredLetter> find(UUID id) {
        return jdbc.query("select * from letter where id = ?", rows, id).stream()
                .findFirst();
    }

    /** The letter, locked for this transaction, if it is queued and due; another node sending it skips it. */
    public Optional<StoredLetter> lockDue(UUID id, Instant now) {
        return jdbc
                .query(
                        "select * from letter where id = ? and status = 'QUEUED' and next_attempt_at <= ?"
                                + " for update skip locked",
                        rows,
                        id,
                        timestamp(now))
                .stream()
                .findFirst();
    }

    public List<UUID> due(Instant now, int limit) {
        return jdbc.queryForList(
                "select id from letter where status = 'QUEUED' and next_attempt_at <= ? order by next_attempt_at"
                        + " limit ?",
                UUID.class,
                timestamp(now),
                limit);
    }

    public List<UUID> deemedDue(Instant now, int limit) {
        return jdbc.queryForList(
                "select id from letter where status = 'SENT' and deemed_at <= ? order by deemed_at limit ?",
                UUID.class,
                timestamp(now),
                limit);
    }

    public List<StoredLetter> forCase(UUID caseId) {
        return jdbc.query("select * from letter where case_id = ? order by created_at, id", rows, caseId);
    }

    /** Letters that did not arrive and that nobody has sent again to another address, oldest first. */
    public List<StoredLetter> undelivered(int limit) {
        return jdbc.query(
                "select * from letter l where l.status in ('BOUNCED', 'FAILED', 'NOT_SENT')"
                        + " and not exists (select 1 from letter again where again.resent_from = l.id)"
                        + " order by l.created_at limit ?",
                rows,
                limit);
    }

    public Optional<StoredLetter> byMessageId(String messageId) {
        return jdbc.query("select * from letter where message_id = ?", rows, messageId).stream()
                .findFirst();
    }

    public boolean markSent(UUID id, Instant at, Instant deemedAt) {
        return jdbc.update(
                        "update letter set status = 'SENT', sent_at = ?, deemed_at = ?, attempts = attempts + 1,"
                                + " next_attempt_at = null, last_error = null where id = ? and status = 'QUEUED'",
                        timestamp(at),
                        timestamp(deemedAt),
                        id)
                == 1;
    }

    public boolean retryLater(UUID id, Instant next, String error) {
        return jdbc.update(
                        "update letter set attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                                + " where id = ? and status = 'QUEUED'",
                        timestamp(next),
                        bounded(error),
                        id)
                == 1;
    }

    public boolean markFailed(UUID id, Instant at, String error) {
        return jdbc.update(
                        "update letter set status = 'FAILED', attempts = attempts + 1, failed_at = ?,"
                                + " next_attempt_at = null, last_error = ? where id = ? and status = 'QUEUED'",
                        timestamp(at),
                        bounded(error),
                        id)
                == 1;
    }

    /**
     * @param from the statuses the letter may be delivered from: a receipt proves arrival whatever was reported
     *             before, a deemed delivery needs a letter sent and not bounced
     */
    public boolean markDelivered(
            UUID id, DeliveryBasis basis, Instant at, String by, String note, LetterStatus... from) {
        return jdbc.update(
                        "update letter set status = 'DELIVERED', delivered_at = ?, delivery_basis = ?,"
                                + " delivered_by = ?, delivery_note = ?, next_attempt_at = null"
                                + " where id = ? and status = any (?)",
                        timestamp(at),
                        basis.name(),
                        by,
                        bounded(note),
                        id,
                        Arrays.stream(from).map(Enum::name).toArray(String[]::new))
                == 1;
    }

    /**
     * A bounce: refused when sent (from QUEUED), or reported afterwards (from SENT, or DELIVERED when the delivery was
     * only deemed: a bounce rebuts the presumption). A receipt is proof of arrival and is never undone.
     */
    public boolean markBounced(UUID id, Instant at, String reason) {
        return jdbc.update(
                        "update letter set status = 'BOUNCED', bounced_at = ?, bounce_reason = ?, next_attempt_at = null,"
                                + " attempts = case when status = 'QUEUED' then attempts + 1 else attempts end"
                                + " where id = ? and (status in ('QUEUED', 'SENT')"
                                + " or status = 'DELIVERED' and delivery_basis = 'DEEMED')",
                        timestamp(at),
                        bounded(reason),
                        id)
                == 1;
    }

    private StoredLetter row(ResultSet rs, int row) throws SQLException {
        return new StoredLetter(
                rs.getObject("id", UUID.class),
                rs.getObject("case_id", UUID.class),
                LetterKind.valueOf(rs.getString("kind")),
                PartyRole.valueOf(rs.getString("recipient_role")),
                rs.getString("recipient_party"),
                rs.getString("recipient_name"),
                rs.getString("recipient_email"),
                rs.getString("language"),
                rs.getString("subject"),
                rs.getString("body"),
                read(rs.getString("links"), LINKS),
                rs.getString("model") == null ? Map.of() : read(rs.getString("model"), MODEL),
                rs.getString("opens"),
                rs.getString("message_id"),
                LetterStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"),
                instant(rs, "deemed_at"),
                instant(rs, "delivered_at"),
                rs.getString("delivery_basis") == null ? null : DeliveryBasis.valueOf(rs.getString("delivery_basis")),
                rs.getString("delivered_by"),
                rs.getString("delivery_note"),
                instant(rs, "bounced_at"),
                rs.getString("bounce_reason"),
                instant(rs, "failed_at"),
                rs.getObject("resent_from", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String bounded(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable letter column", e);
        }
    }
}
