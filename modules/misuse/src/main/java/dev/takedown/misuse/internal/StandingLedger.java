package dev.takedown.misuse.internal;

import dev.takedown.misuse.Assessment;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.misuse.StandingStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/** The tables of party standing: findings and activity, each party's standing, and every change of it. */
@Component
public class StandingLedger {

    /** What a fact about a party is. */
    public enum FactKind {
        ACTIVITY,
        MISUSE
    }

    /** A party's stored standing, as last changed (not yet adjusted for a suspension that ended). */
    public record Row(
            Party party,
            StandingStatus status,
            Instant since,
            Instant until,
            String caseId,
            String changeId,
            int suspensions) {}

    private static final String CHANGE_COLUMNS = "id, party_kind, party_id, change, at, until, case_id, actor, "
            + "misuse_count, total_count, window_misuse, weighted_score, threshold, intentional, window_length, reason";

    private final JdbcTemplate jdbc;

    StandingLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the fact is new (a retried call records nothing twice). */
    public boolean record(Party party, String caseId, FactKind kind, int gravity, boolean intentional, Instant at) {
        return jdbc.update(
                        "insert into misuse_fact (party_kind, party_id, case_id, kind, gravity, intentional, "
                                + "recorded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                        party.kind().name(),
                        party.id(),
                        caseId,
                        kind.name(),
                        gravity,
                        intentional,
                        Timestamp.from(at))
                == 1;
    }

    /** The finding on that case no longer holds (the decision was reversed); true when one was withdrawn. */
    public boolean withdraw(Party party, String caseId, Instant at) {
        return jdbc.update(
                        "update misuse_fact set withdrawn_at = ? where party_kind = ? and party_id = ? "
                                + "and case_id = ? and kind = 'MISUSE' and withdrawn_at is null",
                        Timestamp.from(at),
                        party.kind().name(),
                        party.id(),
                        caseId)
                == 1;
    }

    public List<Ladder.Finding> findingsAfter(Party party, Instant from) {
        return jdbc.query(
                "select gravity, intentional, recorded_at from misuse_fact where party_kind = ? and party_id = ? "
                        + "and kind = 'MISUSE' and withdrawn_at is null and recorded_at > ? order by recorded_at",
                (rs, row) -> new Ladder.Finding(
                        rs.getInt("gravity"),
                        rs.getBoolean("intentional"),
                        rs.getTimestamp("recorded_at").toInstant()),
                party.kind().name(),
                party.id(),
                Timestamp.from(from));
    }

    public int activityAfter(Party party, Instant from) {
        Integer count = jdbc.queryForObject(
                "select count(*) from misuse_fact where party_kind = ? and party_id = ? and kind = 'ACTIVITY' "
                        + "and recorded_at > ?",
                Integer.class,
                party.kind().name(),
                party.id(),
                Timestamp.from(from));
        return count == null ? 0 : count;
    }

    /** Serialises every change of one party's standing until the transaction ends. */
    public void lock(Party party) {
        jdbc.query(
                "select pg_advisory_xact_lock(hashtextextended(?, 23))",
                (ResultSetExtractor<Void>) rs -> null,
                party.kind().name() + ":" + party.id());
    }

    public Optional<Row> find(Party party) {
        return jdbc
                .query(
                        "select * from party_standing where party_kind = ? and party_id = ?",
                        StandingLedger::row,
                        party.kind().name(),
                        party.id())
                .stream()
                .findFirst();
    }

    public List<Row> withStatus(List<StandingStatus> statuses) {
        return jdbc.query(
                "select * from party_standing where status = any (?) order by since desc", StandingLedger::row, (Object)
                        statuses.stream().map(Enum::name).toArray(String[]::new));
    }

    /** Suspensions whose end has come, oldest first; rows another node is reinstating are skipped. */
    public List<Row> suspendedUntil(Instant now, int limit) {
        return jdbc.query(
                "select * from party_standing where status = 'SUSPENDED' and until <= ? order by until "
                        + "limit ? for update skip locked",
                StandingLedger::row,
                Timestamp.from(now),
                limit);
    }

    public void save(Row row) {
        jdbc.update(
                "insert into party_standing (party_kind, party_id, status, since, until, case_id, change_id, "
                        + "suspensions) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (party_kind, party_id) do update "
                        + "set status = excluded.status, since = excluded.since, until = excluded.until, "
                        + "case_id = excluded.case_id, change_id = excluded.change_id, "
                        + "suspensions = excluded.suspensions",
                row.party().kind().name(),
                row.party().id(),
                row.status().name(),
                Timestamp.from(row.since()),
                timestamp(row.until()),
                row.caseId(),
                UUID.fromString(row.changeId()),
                row.suspensions());
    }

    public void append(StandingChange change) {
        Assessment a = change.assessment();
        jdbc.update(
                "insert into standing_change (" + CHANGE_COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + "?, ?)",
                UUID.fromString(change.changeId()),
                change.party().kind().name(),
                change.party().id(),
                change.change().name(),
                Timestamp.from(change.at()),
                timestamp(change.until()),
                change.caseId(),
                change.actor(),
                a == null ? null : a.misuseCount(),
                a == null ? null : a.totalCount(),
                a == null ? null : a.windowMisuse(),
                a == null ? null : a.weightedScore(),
                a == null ? null : a.threshold(),
                a == null ? null : a.intentional(),
                a == null ? null : a.window().toString(),
                change.reason());
    }

    /** When the party was last warned, suspended or terminated: findings before it were weighed for that step. */
    public Optional<Instant> lastStep(Party party) {
        return Optional.ofNullable(jdbc.queryForObject(
                        "select max(at) from standing_change where party_kind = ? and party_id = ? "
                                + "and change in ('WARNED', 'SUSPENDED', 'TERMINATED')",
                        Timestamp.class,
                        party.kind().name(),
                        party.id()))
                .map(Timestamp::toInstant);
    }

    public Optional<StandingChange> change(String changeId) {
        UUID id;
        try {
            id = UUID.fromString(changeId);
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            return Optional.empty();
        }
        return jdbc
                .query("select " + CHANGE_COLUMNS + " from standing_change where id = ?", StandingLedger::change, id)
                .stream()
                .findFirst();
    }

    public List<StandingChange> changesOf(Party party) {
        return jdbc.query(
                "select " + CHANGE_COLUMNS + " from standing_change where party_kind = ? and party_id = ? "
                        + "order by at, id",
                StandingLedger::change,
                party.kind().name(),
                party.id());
    }

    public List<StandingChange> changesOnCase(String caseId) {
        return jdbc.query(
                "select " + CHANGE_COLUMNS + " from standing_change where case_id = ? order by at, id",
                StandingLedger::change,
                caseId);
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(
                new Party(Party.Kind.valueOf(rs.getString("party_kind")), rs.getString("party_id")),
                StandingStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("since").toInstant(),
                instant(rs.getTimestamp("until")),
                rs.getString("case_id"),
                rs.getString("change_id"),
                rs.getInt("suspensions"));
    }

    private static StandingChange change(ResultSet rs, int row) throws SQLException {
        String window = rs.getString("window_length");
        Assessment assessment = window == null
                ? null
                : new Assessment(
                        rs.getInt("misuse_count"),
                        rs.getInt("total_count"),
                        rs.getInt("window_misuse"),
                        rs.getInt("weighted_score"),
                        rs.getInt("threshold"),
                        rs.getInt("intentional"),
                        Duration.parse(window));
        return new StandingChange(
                rs.getString("id"),
                new Party(Party.Kind.valueOf(rs.getString("party_kind")), rs.getString("party_id")),
                StandingChangeKind.valueOf(rs.getString("change")),
                rs.getTimestamp("at").toInstant(),
                instant(rs.getTimestamp("until")),
                rs.getString("case_id"),
                rs.getString("actor"),
                assessment,
                rs.getString("reason"));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
