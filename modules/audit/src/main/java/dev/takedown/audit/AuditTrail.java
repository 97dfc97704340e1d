package dev.takedown.audit;

import dev.takedown.audit.internal.Checkpointer;
import dev.takedown.audit.internal.EvidenceBundle;
import dev.takedown.audit.internal.LedgerRows;
import dev.takedown.audit.internal.LedgerVerifier;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/** Read side of the audit ledger: case timelines, verification and evidence bundles. */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final LedgerVerifier verifier;
    private final EvidenceBundle bundles;

    public AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions, Checkpointer checkpointer) {
        this.jdbc = jdbc;
        this.verifier = new LedgerVerifier(jdbc, transactions, checkpointer.trustedKeys(), checkpointer.tsaTrust());
        this.bundles = new EvidenceBundle(jdbc, transactions, checkpointer.trustedKeys(), checkpointer.tsaTrust());
    }

    /** Every record about the case, in the order it was recorded. */
    public List<LedgerRecord> caseTimeline(String caseId) {
        return jdbc.query(
                LedgerRows.SELECT + " where case_id = ? order by recorded_at, chain, seq", LedgerRows.MAPPER, caseId);
    }

    /**
     * Recomputes every chain from its genesis hash and checks every checkpoint (root, signature, timestamp token);
     * reads the whole ledger, so it is not cheap.
     */
    public ChainStatus verify() {
        return verifier.verify();
    }

    /** The case's evidence bundle (a ZIP, the same bytes for the same ledger state); empty for an unknown case. */
    public Optional<byte[]> evidenceBundle(String caseId) {
        return bundles.export(caseId);
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from audit_ledger", Long.class);
    }
}
