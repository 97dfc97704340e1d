package dev.takedown.notices.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What each party was told. Delivery (mail, in-app) belongs to the platform; this is the record of the content. */
@Component
public class Notifications {

    public record Sent(
            String id, String recipient, String kind, String subject, String body, String link, Instant createdAt) {}

    private final JdbcTemplate jdbc;

    Notifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String record(
            UUID caseId, String recipient, String kind, String subject, String body, String link, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into notification (id, case_id, recipient, kind, subject, body, link, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                caseId,
                recipient,
                kind,
                subject,
                body,
                link,
                java.sql.Timestamp.from(at));
        return id.toString();
    }

    public List<Sent> forCase(UUID caseId) {
        return jdbc.query(
                "select id, recipient, kind, subject, body, link, created_at from notification "
                        + "where case_id = ? order by created_at, id",
                (rs, row) -> new Sent(
                        rs.getString("id"),
                        rs.getString("recipient"),
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant()),
                caseId);
    }
}
