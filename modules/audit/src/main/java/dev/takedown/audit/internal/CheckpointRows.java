package dev.takedown.audit.internal;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.RowMapper;

/** How checkpoints (with their timestamp token, when there is one) are read. */
public final class CheckpointRows {

    public static final String SELECT = "select c.chain, c.tree_size, c.root_hash, c.created_at, c.key_id,"
            + " c.signature, t.token from audit_checkpoint c"
            + " left join audit_checkpoint_timestamp t on t.chain = c.chain and t.tree_size = c.tree_size";

    public static final RowMapper<Checkpoint> MAPPER = (rs, row) -> new Checkpoint(
            rs.getInt("chain"),
            rs.getLong("tree_size"),
            rs.getString("root_hash"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getString("key_id"),
            rs.getString("signature"),
            rs.getBytes("token"));

    private CheckpointRows() {}
}
