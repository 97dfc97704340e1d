package dev.takedown.audit;

import dev.takedown.audit.internal.ChainVerifier;
import dev.takedown.audit.internal.LedgerRows;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/** Read side of the audit ledger: case timelines and chain verification. */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final ChainVerifier verifier;

    public AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.verifier = new ChainVerifier(jdbc, transactions);
    }

    /** Every record about the case, in ledger order. */
    public List<LedgerRecord> caseTimeline(String caseId) {
        return jdbc.query(LedgerRows.SELECT + " where case_id = ? order by seq", LedgerRows.MAPPER, caseId);
    }

    /** Recomputes every hash from the genesis hash on; reads the whole ledger, so it is not cheap. */
    public ChainStatus verify() {
        return verifier.verify();
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from audit_ledger", Long.class);
    }
}
