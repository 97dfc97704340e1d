package dev.takedown.notices.internal;

import dev.takedown.notices.MisusePolicy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a notifier organisation may file: OK, WARNED, or SUSPENDED until a date (DSA Art. 23(2)). */
@Component
public class NotifierStanding {

    public enum Status {
        OK,
        WARNED,
        SUSPENDED
    }

    public record Standing(Status status, Instant until) {}

    private final JdbcTemplate jdbc;
    private final MisusePolicy policy;

    NotifierStanding(JdbcTemplate jdbc, MisusePolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** A suspension ends by itself: after its end the notifier is back to WARNED (the warning stays on record). */
    public Standing of(String organisationId, Instant now) {
        List<Standing> rows = jdbc.query(
                "select status, until from notifier_standing where organisation_id = ?",
                (rs, row) -> new Standing(
                        Status.valueOf(rs.getString("status")),
                        rs.getTimestamp("until") == null
                                ? null
                                : rs.getTimestamp("until").toInstant()),
                organisationId);
        Standing standing = rows.isEmpty() ? new Standing(Status.OK, null) : rows.get(0);
        if (standing.status() == Status.SUSPENDED
                && standing.until() != null
                && !standing.until().isAfter(now)) {
            return new Standing(Status.WARNED, null);
        }
        return standing;
    }

    /**
     * Counts a manifestly unfounded notice; returns the new standing when it changed: the first time the threshold
     * is reached the notifier is warned, the next time suspended.
     */
    public Optional<Standing> recordUnfounded(UUID caseId, String organisationId, Instant now) {
        int inserted = jdbc.update(
                "insert into unfounded_notice (case_id, organisation_id, recorded_at) "
                        + "values (?, ?, ?) on conflict do nothing",
                caseId,
                organisationId,
                Timestamp.from(now));
        if (inserted == 0) {
            return Optional.empty();
        }
        // counting restarts after each step, so a warning is followed by a suspension only after new misuse
        Integer recent = jdbc.queryForObject(
                "select count(*) from unfounded_notice u where u.organisation_id = ? "
                        + "and u.recorded_at > ? and u.recorded_at > coalesce((select s.updated_at from notifier_standing s "
                        + "where s.organisation_id = u.organisation_id), '-infinity')",
                Integer.class,
                organisationId,
                Timestamp.from(now.minus(policy.window())));
        if (recent == null || recent < policy.threshold()) {
            return Optional.empty();
        }
        Standing current = of(organisationId, now);
        Standing next = current.status() == Status.OK
                ? new Standing(Status.WARNED, null)
                : new Standing(Status.SUSPENDED, now.plus(policy.suspension()));
        if (current.status() == Status.SUSPENDED) {
            return Optional.empty();
        }
        jdbc.update(
                "insert into notifier_standing (organisation_id, status, until, updated_at) values (?, ?, ?, ?) "
                        + "on conflict (organisation_id) do update set status = excluded.status, until = excluded.until, "
                        + "updated_at = excluded.updated_at",
                organisationId,
                next.status().name(),
                next.until() == null ? null : Timestamp.from(next.until()),
                Timestamp.from(now));
        return Optional.of(next);
    }
}
