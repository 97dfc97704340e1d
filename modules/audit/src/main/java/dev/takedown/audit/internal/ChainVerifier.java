package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.LedgerRecord;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Recomputes the hash chain from the genesis hash, a page of records at a time. */
public final class ChainVerifier {

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // one snapshot for all pages, the count and the head, so appends running meanwhile cannot look like breaks
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public ChainStatus verify() {
        return snapshot.execute(status -> verifySnapshot());
    }

    private ChainStatus verifySnapshot() {
        long records = jdbc.queryForObject("select count(*) from audit_ledger", Long.class);
        long seq = 0;
        String hash = LedgerEntry.GENESIS_HASH;
        List<LedgerRecord> page;
        do {
            page = jdbc.query(LedgerRows.SELECT + " where seq > ? order by seq limit ?", LedgerRows.MAPPER, seq, PAGE);
            for (LedgerRecord record : page) {
                Optional<String> problem = problem(record, seq, hash);
                if (problem.isPresent()) {
                    // a gap is broken at the missing seq, anything else at the record itself
                    return ChainStatus.broken(records, seq + 1, problem.get());
                }
                seq = record.seq();
                hash = record.hash();
            }
        } while (page.size() == PAGE);
        List<Head> heads = jdbc.query("select seq, hash from audit_chain_head where id = 1",
                (rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")));
        if (heads.isEmpty()) {
            return ChainStatus.broken(records, null, "the chain head is missing");
        }
        Head head = heads.get(0);
        if (head.seq() != seq) {
            return ChainStatus.broken(records, Math.min(head.seq(), seq) + 1,
                    "the chain head is at record " + head.seq() + " but the ledger ends at record " + seq);
        }
        if (!head.hash().equals(hash)) {
            return ChainStatus.broken(records, seq == 0 ? null : seq,
                    "the chain head's hash does not match record " + seq);
        }
        return ChainStatus.intact(records);
    }

    private static Optional<String> problem(LedgerRecord record, long previousSeq, String previousHash) {
        if (record.seq() != previousSeq + 1) {
            return Optional.of("record " + (previousSeq + 1) + " is missing; the next one is " + record.seq());
        }
        if (!record.prevHash().equals(previousHash)) {
            return Optional.of("prev_hash does not match the hash of record " + previousSeq);
        }
        Optional<JsonNode> payload = CanonicalJson.read(record.payload());
        if (payload.isEmpty() || !CanonicalJson.write(payload.get()).equals(record.payload())) {
            return Optional.of("payload is not the canonical JSON it was recorded as");
        }
        LedgerEntry entry = new LedgerEntry(record.seq(), record.eventId(), record.topic(), record.eventType(),
                record.caseId(), record.actor(), record.actorType(), record.occurredAt(), payload.get(),
                record.prevHash());
        if (!entry.hash().equals(record.hash())) {
            return Optional.of("hash does not match the record's content");
        }
        return Optional.empty();
    }

    private record Head(long seq, String hash) {
    }
}
