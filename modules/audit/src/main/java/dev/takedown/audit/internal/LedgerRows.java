package dev.takedown.audit.internal;

import dev.takedown.audit.ActorType;
import dev.takedown.audit.LedgerRecord;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;

/** How ledger rows are read. */
public final class LedgerRows {

    public static final String SELECT = "select chain, seq, event_id, topic, event_type, case_id, actor, actor_type,"
            + " legal_basis, policy_version, occurred_at, recorded_at, payload, prev_hash, hash, format,"
            + " encode(payload_salt, 'hex') as payload_salt, payload_commitment, purged_at, purge_class"
            + " from audit_ledger";

    public static final RowMapper<LedgerRecord> MAPPER = (rs, row) -> new LedgerRecord(
            rs.getInt("chain"),
            rs.getLong("seq"),
            rs.getString("event_id"),
            rs.getString("topic"),
            rs.getString("event_type"),
            rs.getString("case_id"),
            rs.getString("actor"),
            ActorType.valueOf(rs.getString("actor_type")),
            rs.getString("legal_basis"),
            rs.getString("policy_version"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            rs.getString("payload"),
            rs.getString("prev_hash"),
            rs.getString("hash"),
            rs.getInt("format"),
            rs.getString("payload_salt"),
            rs.getString("payload_commitment"),
            Optional.ofNullable(rs.getObject("purged_at", OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant)
                    .orElse(null),
            rs.getString("purge_class"));

    private LedgerRows() {}
}
