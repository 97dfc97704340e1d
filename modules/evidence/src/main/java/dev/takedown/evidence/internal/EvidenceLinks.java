package dev.takedown.evidence.internal;

import dev.takedown.evidence.StoredEvidence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables {@code evidence_file} (one row per content) and {@code case_evidence} (case ↔ content ↔ name). */
@Repository
public class EvidenceLinks {

    private static final String SELECT = "select f.sha256, f.media_type, f.size_bytes, l.display_name, l.uploaded_by, "
            + "l.uploaded_at from case_evidence l join evidence_file f on f.sha256 = l.sha256 ";

    private final JdbcTemplate jdbc;

    EvidenceLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises uploads to one case until the transaction ends, so that two requests cannot both pass the count. */
    public void lockCase(UUID caseId) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {}, "evidence:" + caseId);
    }

    public int count(UUID caseId) {
        Integer count =
                jdbc.queryForObject("select count(*) from case_evidence where case_id = ?", Integer.class, caseId);
        return count == null ? 0 : count;
    }

    public void link(
            UUID caseId,
            String sha256,
            String mediaType,
            long size,
            String displayName,
            String uploadedBy,
            Instant at) {
        jdbc.update(
                "insert into evidence_file (sha256, media_type, size_bytes, stored_at) values (?, ?, ?, ?) "
                        + "on conflict (sha256) do nothing",
                sha256,
                mediaType,
                size,
                Timestamp.from(at));
        jdbc.update(
                "insert into case_evidence (case_id, sha256, display_name, uploaded_by, uploaded_at) "
                        + "values (?, ?, ?, ?, ?)",
                caseId,
                sha256,
                displayName,
                uploadedBy,
                Timestamp.from(at));
    }

    public List<StoredEvidence> list(UUID caseId) {
        return jdbc.query(SELECT + "where l.case_id = ? order by l.uploaded_at, l.id", EvidenceLinks::row, caseId);
    }

    /** The latest link of this content to this case (the same bytes may have been uploaded under two names). */
    public Optional<StoredEvidence> find(UUID caseId, String sha256) {
        return jdbc
                .query(
                        SELECT + "where l.case_id = ? and l.sha256 = ? order by l.uploaded_at desc, l.id desc "
                                + "limit 1",
                        EvidenceLinks::row,
                        caseId,
                        sha256)
                .stream()
                .findFirst();
    }

    private static StoredEvidence row(ResultSet rs, int i) throws SQLException {
        return new StoredEvidence(
                rs.getString("sha256"),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                rs.getString("display_name"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
