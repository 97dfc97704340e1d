package dev.takedown.measures.internal;

import dev.takedown.measures.MeasureType;
import dev.takedown.measures.StrikePolicy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalInt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The strike ledger: one strike per account and case, expiring, removable when the measures are reversed. */
@Component
public class Strikes {

    private final JdbcTemplate jdbc;
    private final StrikePolicy policy;

    Strikes(JdbcTemplate jdbc, StrikePolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Adds the case's strike against the account; returns the active weight when a strike was added. */
    public OptionalInt add(String accountId, String caseId, MeasureType gravest, Instant at) {
        int added = jdbc.update(
                "insert into strike (account_id, case_id, weight, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing",
                accountId,
                caseId,
                policy.weightOf(gravest),
                Timestamp.from(at),
                Timestamp.from(at.plus(policy.expiry())));
        return added == 0 ? OptionalInt.empty() : OptionalInt.of(active(accountId, at));
    }

    /** Removes the case's strike; returns the active weight when a strike was removed. */
    public OptionalInt remove(String accountId, String caseId, Instant at) {
        int removed = jdbc.update(
                "update strike set removed_at = ? where account_id = ? and case_id = ? " + "and removed_at is null",
                Timestamp.from(at),
                accountId,
                caseId);
        return removed == 0 ? OptionalInt.empty() : OptionalInt.of(active(accountId, at));
    }

    public int active(String accountId, Instant at) {
        Integer count = jdbc.queryForObject(
                "select coalesce(sum(weight), 0) from strike where account_id = ? "
                        + "and removed_at is null and expires_at > ?",
                Integer.class,
                accountId,
                Timestamp.from(at));
        return count == null ? 0 : count;
    }

    public int weightOf(MeasureType type) {
        return policy.weightOf(type);
    }
}
