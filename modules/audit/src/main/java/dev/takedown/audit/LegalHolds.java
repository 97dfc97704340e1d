package dev.takedown.audit;

import static dev.takedown.audit.internal.EventTypes.LEGAL_HOLD_PLACED;
import static dev.takedown.audit.internal.EventTypes.LEGAL_HOLD_RELEASED;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takedown.audit.internal.LedgerAppender;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Legal holds per case. The table holds the current holds; every placement and release is also a ledger record on
 * {@code audit.internal}, in the same transaction, so a hold cannot be lifted without a trace.
 */
@Service
public class LegalHolds {

    private static final RowMapper<LegalHold> HOLD = (rs, row) -> new LegalHold(
            rs.getString("case_id"),
            rs.getString("placed_by"),
            rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
            rs.getString("reason"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerAppender ledger;
    private final Clock clock;

    @Autowired
    public LegalHolds(JdbcTemplate jdbc, PlatformTransactionManager transactions, LedgerAppender ledger) {
        this(jdbc, transactions, ledger, Clock.systemUTC());
    }

    LegalHolds(JdbcTemplate jdbc, PlatformTransactionManager transactions, LedgerAppender ledger, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Places a hold; an existing hold is returned unchanged (no second record). Empty when the ledger knows no such
     * case: a hold on a mistyped id would protect nothing while looking as if it did.
     */
    public Optional<LegalHold> place(String caseId, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a legal hold needs a reason");
        }
        return transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from audit_ledger where case_id = ?)", Boolean.class, caseId))) {
                return Optional.<LegalHold>empty();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            int placed = jdbc.update(
                    "insert into audit_legal_hold (case_id, placed_by, placed_at, reason)"
                            + " values (?, ?, ?, ?) on conflict do nothing",
                    caseId,
                    actor,
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                    reason.strip());
            LegalHold hold = find(caseId).orElseThrow();
            if (placed == 1) {
                // last: the appender switches the transaction to the ledger role, which may not write holds
                ledger.appendFact(LEGAL_HOLD_PLACED, caseId, actor, now, fact(caseId, actor, reason.strip()));
            }
            return Optional.of(hold);
        });
    }

    /** Releases the hold; empty when the case was not held. */
    public Optional<LegalHold> release(String caseId, String actor, String reason) {
        return transaction.execute(status -> {
            Optional<LegalHold> hold = jdbc
                    .query(
                            "delete from audit_legal_hold where case_id = ?"
                                    + " returning case_id, placed_by, placed_at, reason",
                            HOLD,
                            caseId)
                    .stream()
                    .findFirst();
            hold.ifPresent(released -> ledger.appendFact(
                    LEGAL_HOLD_RELEASED,
                    caseId,
                    actor,
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    fact(caseId, actor, reason == null || reason.isBlank() ? null : reason.strip())));
            return hold;
        });
    }

    public Optional<LegalHold> find(String caseId) {
        return jdbc
                .query(
                        "select case_id, placed_by, placed_at, reason from audit_legal_hold where case_id = ?",
                        HOLD,
                        caseId)
                .stream()
                .findFirst();
    }

    public List<LegalHold> all() {
        return jdbc.query(
                "select case_id, placed_by, placed_at, reason from audit_legal_hold order by placed_at", HOLD);
    }

    private static ObjectNode fact(String caseId, String actor, String reason) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("caseId", caseId);
        payload.put("actor", actor);
        payload.put("reason", reason);
        return payload;
    }
}
