package dev.takedown.audit.internal;

import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.LedgerRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole ledger from the database: per chain, every link and record hash, the head, and every
 * checkpoint's Merkle root, Ed25519 signature (against the trusted keys only, never a key found in the database)
 * and RFC 3161 token (from a trusted TSA). Stops at the first problem. Records whose content was purged under
 * retention verify through their payload commitments and are counted per class and day.
 */
public final class LedgerVerifier {

    private static final int PAGE = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final KeyRing trustedKeys;
    private final TsaTrust tsaTrust;

    public LedgerVerifier(
            JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyRing trustedKeys, TsaTrust tsaTrust) {
        this.jdbc = jdbc;
        this.trustedKeys = trustedKeys;
        this.tsaTrust = tsaTrust;
        // one snapshot for every query, so appends and checkpoints running meanwhile cannot look like breaks
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public ChainStatus verify() {
        return snapshot.execute(status -> verifySnapshot());
    }

    private ChainStatus verifySnapshot() {
        long records = jdbc.queryForObject("select count(*) from audit_ledger", Long.class);
        List<Checkpoint> checkpoints =
                jdbc.query(CheckpointRows.SELECT + " order by c.chain, c.tree_size", CheckpointRows.MAPPER);
        ChainStatus intact = ChainStatus.intact(
                        records,
                        checkpoints.size(),
                        checkpoints.stream().filter(Checkpoint::pending).count())
                .withPurged(jdbc.query(
                        "select purge_class, (purged_at at time zone 'UTC')::date as day, count(*) as n"
                                + " from audit_ledger where purged_at is not null group by 1, 2 order by 1, 2",
                        (rs, row) -> "content purged under retention (" + rs.getString("purge_class") + ", "
                                + rs.getString("day") + "): " + rs.getLong("n") + " record(s)"));
        Map<Integer, Head> heads = new HashMap<>();
        jdbc.query("select chain, seq, hash from audit_chain_head", rs -> {
            heads.put(rs.getInt("chain"), new Head(rs.getLong("seq"), rs.getString("hash")));
        });
        List<Integer> chains = jdbc.queryForList(
                "select chain from audit_chain_head union select chain from"
                        + " audit_checkpoint union select distinct chain from audit_ledger order by 1",
                Integer.class);
        for (int chain : chains) {
            Deque<Checkpoint> due = new ArrayDeque<>(
                    checkpoints.stream().filter(c -> c.chain() == chain).toList());
            Optional<ChainStatus> broken = verifyChain(chain, heads.get(chain), due, intact);
            if (broken.isPresent()) {
                return broken.get();
            }
        }
        return intact;
    }

    private Optional<ChainStatus> verifyChain(int chain, Head head, Deque<Checkpoint> due, ChainStatus status) {
        ChainWalk walk = new ChainWalk();
        List<LedgerRecord> page;
        do {
            page = jdbc.query(
                    LedgerRows.SELECT + " where chain = ? and seq > ? order by seq limit ?",
                    LedgerRows.MAPPER,
                    chain,
                    walk.seq(),
                    PAGE);
            for (LedgerRecord record : page) {
                long at = walk.seq();
                Optional<String> problem = walk.add(record);
                if (problem.isPresent()) {
                    // a gap is broken at the missing seq, anything else at the record itself
                    return Optional.of(status.broken(chain, at + 1, null, problem.get()));
                }
                while (!due.isEmpty() && due.peek().treeSize() == walk.seq()) {
                    Optional<String> bad = checkpointProblem(due.poll(), walk.root());
                    if (bad.isPresent()) {
                        return Optional.of(status.broken(chain, null, walk.seq(), bad.get()));
                    }
                }
            }
        } while (page.size() == PAGE);
        if (!due.isEmpty()) {
            Checkpoint beyond = due.peek();
            return Optional.of(status.broken(
                    chain,
                    walk.seq() + 1,
                    beyond.treeSize(),
                    "checkpoint "
                            + beyond.treeSize() + " of chain " + chain + " was signed over " + beyond.treeSize()
                            + " records, but the chain ends at record " + walk.seq()));
        }
        if (head == null) {
            return walk.seq() == 0
                    ? Optional.empty()
                    : Optional.of(status.broken(chain, null, null, "the head of chain " + chain + " is missing"));
        }
        if (head.seq() != walk.seq()) {
            return Optional.of(status.broken(
                    chain,
                    Math.min(head.seq(), walk.seq()) + 1,
                    null,
                    "the head of chain " + chain + " is at record " + head.seq() + " but the chain ends at record "
                            + walk.seq()));
        }
        if (!head.hash().equals(walk.hash())) {
            return Optional.of(status.broken(
                    chain,
                    walk.seq() == 0 ? null : walk.seq(),
                    null,
                    "the head of chain " + chain + " does not match record " + walk.seq()));
        }
        return Optional.empty();
    }

    private Optional<String> checkpointProblem(Checkpoint checkpoint, String root) {
        String name = "checkpoint " + checkpoint.treeSize() + " of chain " + checkpoint.chain();
        if (!checkpoint.rootHash().equals(root)) {
            return Optional.of(
                    "records 1.." + checkpoint.treeSize() + " do not have the Merkle root signed in " + name);
        }
        if (trustedKeys.isEmpty()) {
            return Optional.of("no trusted public key to check the signature of " + name);
        }
        return checkpoint.problem(trustedKeys, tsaTrust);
    }

    private record Head(long seq, String hash) {}
}
