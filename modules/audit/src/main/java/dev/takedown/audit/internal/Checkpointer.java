package dev.takedown.audit.internal;

import dev.takedown.audit.LedgerRecord;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Periodically signs a Merkle checkpoint of every chain that grew, and has every unstamped checkpoint
 * time-stamped. A TSA outage leaves checkpoints pending; the next run stamps them, so none is skipped.
 */
public class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean restrictedRole;
    private final Optional<SigningKey> key;
    private final KeyRing trustedKeys;
    private final Optional<TimestampAuthority> tsa;
    private final TsaTrust tsaTrust;
    private final Clock clock;

    /**
     * @param previousKeys public keys of retired signing keys, still trusted for the checkpoints they signed
     * @param tsaTrust the TSA certificates tokens must chain to, for stamping and for verification
     */
    public Checkpointer(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            boolean restrictedRole,
            Optional<SigningKey> key,
            List<PublicKey> previousKeys,
            Optional<TimestampAuthority> tsa,
            TsaTrust tsaTrust,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.restrictedRole = restrictedRole;
        this.key = key;
        List<PublicKey> ring = new ArrayList<>(previousKeys);
        key.ifPresent(k -> ring.add(k.publicKey()));
        this.trustedKeys = KeyRing.of(ring);
        this.tsa = tsa;
        this.tsaTrust = tsaTrust;
        this.clock = clock;
        if (key.isEmpty()) {
            log.warn("no checkpoint signing key (takedown.audit.signing.key-path): the ledger is not checkpointed");
        }
    }

    /** The current signing key's public key and the retired ones: what the verifier trusts. */
    public KeyRing trustedKeys() {
        return trustedKeys;
    }

    public TsaTrust tsaTrust() {
        return tsaTrust;
    }

    @Scheduled(
            fixedDelayString = "${takedown.audit.checkpoint.interval:PT5M}",
            initialDelayString = "${takedown.audit.checkpoint.interval:PT5M}")
    void scheduled() {
        run();
    }

    /** Checkpoints every chain that grew since its last checkpoint, then stamps whatever is pending. */
    public List<Checkpoint> run() {
        List<Checkpoint> created = new ArrayList<>();
        if (key.isEmpty()) {
            return created;
        }
        Map<Integer, Long> heads = new TreeMap<>();
        jdbc.query("select chain, seq from audit_chain_head", rs -> {
            heads.put(rs.getInt("chain"), rs.getLong("seq"));
        });
        heads.forEach((chain, size) -> {
            try {
                checkpoint(chain, size).ifPresent(created::add);
            } catch (RuntimeException e) {
                log.error("chain {} was not checkpointed: {}", chain, e.getMessage());
            }
        });
        stampPending();
        return created;
    }

    private Optional<Checkpoint> checkpoint(int chain, long size) {
        Optional<Checkpoint> last = jdbc
                .query(
                        CheckpointRows.SELECT + " where c.chain = ? order by c.tree_size desc limit 1",
                        CheckpointRows.MAPPER,
                        chain)
                .stream()
                .findFirst();
        long signed = last.map(Checkpoint::treeSize).orElse(0L);
        if (size <= signed) {
            return Optional.empty();
        }
        MerkleTree.Frontier tree = new MerkleTree.Frontier();
        jdbc.query(
                "select hash, format from audit_ledger where chain = ? and seq <= ? order by seq",
                rs -> {
                    tree.add(LedgerEntry.leaf(rs.getInt(2), HexFormat.of().parseHex(rs.getString(1))));
                },
                chain,
                signed);
        // never sign over a tampered past: what is already signed must still have its root, and what is about to
        // be signed must chain and hash correctly
        if (last.isPresent()
                && (tree.size() != signed
                        || !HexFormat.of()
                                .formatHex(tree.root())
                                .equals(last.get().rootHash()))) {
            throw new IllegalStateException("records 1.." + signed + " no longer match their checkpoint");
        }
        String prevHash = jdbc
                .query(
                        "select hash from audit_ledger where chain = ? and seq = ?",
                        (rs, row) -> rs.getString(1),
                        chain,
                        signed)
                .stream()
                .findFirst()
                .orElse(LedgerEntry.GENESIS_HASH);
        List<LedgerRecord> fresh = jdbc.query(
                LedgerRows.SELECT + " where chain = ? and seq > ? and seq <= ?" + " order by seq",
                LedgerRows.MAPPER,
                chain,
                signed,
                size);
        long expected = signed + 1;
        for (LedgerRecord record : fresh) {
            if (record.seq() != expected++
                    || !record.prevHash().equals(prevHash)
                    || !LedgerEntry.of(record).hash().equals(record.hash())) {
                throw new IllegalStateException("record " + record.seq() + " does not verify");
            }
            prevHash = record.hash();
            tree.add(LedgerEntry.leaf(record.format(), HexFormat.of().parseHex(record.hash())));
        }
        if (tree.size() != size) {
            throw new IllegalStateException("records up to " + size + " are missing");
        }
        SigningKey signer = key.orElseThrow();
        Checkpoint unsigned = new Checkpoint(
                chain, size, HexFormat.of().formatHex(tree.root()), clock.instant(), signer.keyId(), null, null);
        Checkpoint checkpoint =
                unsigned.withSignature(Base64.getEncoder().encodeToString(signer.sign(unsigned.statementBytes())));
        int inserted = restricted(() -> jdbc.update(
                """
                insert into audit_checkpoint (chain, tree_size, root_hash, created_at, key_id, signature)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                chain,
                size,
                checkpoint.rootHash(),
                OffsetDateTime.ofInstant(checkpoint.createdAt(), ZoneOffset.UTC),
                checkpoint.keyId(),
                checkpoint.signature()));
        // another node checkpointed the same size first
        return inserted == 1 ? Optional.of(checkpoint) : Optional.empty();
    }

    /** Obtains the tokens of checkpoints that have none yet, oldest first; stops at the first TSA failure. */
    public int stampPending() {
        if (tsa.isEmpty()) {
            return 0;
        }
        List<Checkpoint> pending = jdbc.query(
                CheckpointRows.SELECT + " where t.token is null" + " order by c.created_at, c.chain",
                CheckpointRows.MAPPER);
        int stamped = 0;
        for (Checkpoint checkpoint : pending) {
            byte[] token;
            try {
                token = tsa.get().stamp(checkpoint.statementBytes());
            } catch (IOException e) {
                log.warn("{} checkpoint(s) stay pending: {}", pending.size() - stamped, e.getMessage());
                return stamped;
            }
            stamped += restricted(() -> jdbc.update(
                    "insert into audit_checkpoint_timestamp (chain, tree_size, token)"
                            + " values (?, ?, ?) on conflict do nothing",
                    checkpoint.chain(),
                    checkpoint.treeSize(),
                    token));
        }
        return stamped;
    }

    private int restricted(IntSupplier write) {
        return transaction.execute(status -> {
            if (restrictedRole) {
                jdbc.execute("set local role takedown_ledger");
            }
            return write.getAsInt();
        });
    }
}
