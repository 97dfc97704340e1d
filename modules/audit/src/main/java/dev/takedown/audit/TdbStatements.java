package dev.takedown.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.takedown.audit.internal.TdbProperties;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What is, or would be, submitted to the DSA Transparency Database: the latest statements with their state and their
 * payload exactly as it is sent, so that compliance (and an integrator on the local sandbox) can read it.
 */
@Service
public class TdbStatements {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TdbProperties properties;

    public TdbStatements(JdbcTemplate jdbc, TdbProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Where statements go; empty when submission is off ({@code takedown.audit.tdb.url} not set). */
    public Optional<URI> endpoint() {
        return properties.endpoint();
    }

    /** The {@code limit} statements changed last, newest first. */
    public List<Statement> recent(int limit) {
        return jdbc.query(
                "select puid, case_id, state, attempts, problem, tdb_uuid, permalink, updated_at, statement"
                        + " from audit_tdb_statement order by updated_at desc, puid limit ?",
                (rs, row) -> new Statement(
                        rs.getString("puid"),
                        rs.getString("case_id"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        rs.getString("problem"),
                        rs.getString("tdb_uuid"),
                        rs.getString("permalink"),
                        rs.getObject("updated_at", Timestamp.class).toInstant(),
                        pretty(rs.getString("statement"))),
                Math.max(1, Math.min(limit, 200)));
    }

    private static String pretty(String payload) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(payload));
        } catch (JsonProcessingException stored) {
            return payload;
        }
    }

    /**
     * @param state   {@code PENDING}, {@code SUBMITTED}, {@code RECONCILED} (the TDB already held it), {@code INVALID}
     *                (the local check found a field at fault, named in {@code problem}) or {@code REJECTED}
     * @param payload the statement as the TDB receives it, indented
     */
    public record Statement(
            String puid,
            String caseId,
            String state,
            int attempts,
            String problem,
            String tdbUuid,
            String permalink,
            Instant updatedAt,
            String payload) {}
}
