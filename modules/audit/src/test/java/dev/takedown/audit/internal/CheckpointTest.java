package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.events.TaskClaimed;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/** Checkpoints, timestamps, the tamper matrix and the restricted role, on a real PostgreSQL 17. */
class CheckpointTest {

    private static final int CHAINS = 3;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);

    private static EmbeddedLedger ledger;
    private static LoopbackTsa tsa;
    private static SigningKey key;

    private LedgerAppender appender;
    private Checkpointer checkpointer;
    private LedgerVerifier verifier;

    @BeforeAll
    static void start(@TempDir Path keys) throws Exception {
        ledger = new EmbeddedLedger();
        tsa = new LoopbackTsa();
        key = SigningKey.load(keys.resolve("audit.pem"), true);
    }

    @AfterAll
    static void stop() throws IOException {
        tsa.close();
        ledger.close();
    }

    @BeforeEach
    void freshLedger() {
        ledger.reset();
        tsa.down.set(false);
        appender = new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(CHAINS));
        checkpointer = new Checkpointer(
                ledger.jdbc,
                ledger.transactions,
                true,
                Optional.of(key),
                List.of(),
                Optional.of(new TimestampAuthority(tsa.url(), Duration.ofSeconds(5), tsa.trust())),
                tsa.trust(),
                CLOCK);
        verifier =
                new LedgerVerifier(ledger.jdbc, ledger.transactions, KeyRing.of(List.of(key.publicKey())), tsa.trust());
    }

    @Test
    void partitionsChainsByCaseWithOneHeadEach() {
        appendCases(12);

        List<LedgerRecord> rows = ledger.rows();
        assertThat(rows).extracting(LedgerRecord::chain).containsOnly(0, 1, 2);
        for (int chain = 0; chain < CHAINS; chain++) {
            List<LedgerRecord> chainRows = ledger.rows(chain);
            assertThat(chainRows)
                    .extracting(LedgerRecord::seq)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, chainRows.size())
                            .boxed()
                            .toList());
        }
        assertThat(rows.stream()
                        .filter(r -> "case-1".equals(r.caseId()))
                        .map(LedgerRecord::chain)
                        .distinct())
                .hasSize(1);
        assertThat(ledger.jdbc.queryForObject("select count(*) from audit_chain_head", Long.class))
                .isEqualTo(3);
        assertThat(verifier.verify()).isEqualTo(ChainStatus.intact(rows.size(), 0, 0));
    }

    @Test
    void signsAndStampsACheckpointPerGrownChainThatTheVerifierAccepts() {
        appendCases(12);

        List<Checkpoint> created = checkpointer.run();

        assertThat(created).hasSize(CHAINS);
        assertThat(created).allSatisfy(c -> {
            assertThat(c.treeSize()).isEqualTo(ledger.rows(c.chain()).size());
            assertThat(c.keyId()).isEqualTo(key.keyId());
            assertThat(c.createdAt()).isEqualTo(CLOCK.instant());
        });
        assertThat(ledger.jdbc.queryForObject("select count(*) from audit_checkpoint_timestamp", Long.class))
                .isEqualTo(CHAINS);
        Checkpoint stored = ledger.jdbc
                .query(CheckpointRows.SELECT + " where c.chain = 0", CheckpointRows.MAPPER)
                .get(0);
        var token = TimestampAuthority.check(stored.timestampToken(), stored.statementBytes(), tsa.trust());
        assertThat(token.problem()).isEmpty();
        assertThat(token.tsa()).isEqualTo("CN=Loopback TSA");
        assertThat(SigningKey.verify(
                        key.publicKey(),
                        stored.statementBytes(),
                        Base64.getDecoder().decode(stored.signature())))
                .isTrue();
        assertThat(verifier.verify()).isEqualTo(ChainStatus.intact(12, CHAINS, 0));

        assertThat(checkpointer.run()).as("nothing grew").isEmpty();
        appendCases(1);
        assertThat(checkpointer.run()).hasSize(1);
        assertThat(verifier.verify()).isEqualTo(ChainStatus.intact(13, CHAINS + 1, 0));
    }

    @Test
    void aTsaOutageDelaysTheTimestampButNeverSkipsIt() {
        appendCases(4);
        tsa.down.set(true);

        assertThat(checkpointer.run()).isNotEmpty();

        long checkpoints = ledger.jdbc.queryForObject("select count(*) from audit_checkpoint", Long.class);
        assertThat(verifier.verify())
                .as("pending is not broken")
                .isEqualTo(ChainStatus.intact(4, checkpoints, checkpoints));

        tsa.down.set(false);
        assertThat(checkpointer.run()).as("no new records, no new checkpoints").isEmpty();

        assertThat(verifier.verify()).isEqualTo(ChainStatus.intact(4, checkpoints, 0));
        assertThat(ledger.jdbc.queryForObject("select count(*) from audit_checkpoint_timestamp", Long.class))
                .isEqualTo(checkpoints);
    }

    @Test
    void aTokenFromAnUntrustedTsaIsNeverStoredAndIsReportedByNameWhenSlippedIn() throws Exception {
        appendCases(4);
        try (LoopbackTsa rogue = new LoopbackTsa("CN=Rogue TSA", true)) {
            // a self-signed TSA that answers well-formed tokens: the checkpointer refuses them, so they stay pending
            Checkpointer fooled = new Checkpointer(
                    ledger.jdbc,
                    ledger.transactions,
                    true,
                    Optional.of(key),
                    List.of(),
                    Optional.of(new TimestampAuthority(rogue.url(), Duration.ofSeconds(5), tsa.trust())),
                    tsa.trust(),
                    CLOCK);
            assertThat(fooled.run()).isNotEmpty();
            assertThat(rogue.requests.get()).isPositive();
            long checkpoints = ledger.jdbc.queryForObject("select count(*) from audit_checkpoint", Long.class);
            assertThat(verifier.verify()).isEqualTo(ChainStatus.intact(4, checkpoints, checkpoints));

            // a forger stores the rogue token anyway (its imprint is right): the verifier names the rogue TSA
            Checkpoint pending = ledger.jdbc
                    .query(CheckpointRows.SELECT + " order by c.chain", CheckpointRows.MAPPER)
                    .get(0);
            byte[] token = rogue.token(pending.statementBytes());
            ledger.tamper(
                    "insert into audit_checkpoint_timestamp (chain, tree_size, token) values (?, ?, ?)",
                    pending.chain(),
                    pending.treeSize(),
                    token);

            ChainStatus status = verifier.verify();
            assertThat(status.intact()).isFalse();
            assertThat(status.reason())
                    .contains("CN=Rogue TSA")
                    .contains("untrusted TSA")
                    .contains("CN=Loopback TSA CA");
            assertThat(TimestampAuthority.check(token, pending.statementBytes(), tsa.trust())
                            .problem())
                    .isPresent();
        }
        // the trusted TSA stamps what the rogue could not
        assertThat(TimestampAuthority.check(trustedTsa().stamp(STATEMENT), STATEMENT, tsa.trust())
                        .anchor())
                .isEqualTo("CN=Loopback TSA CA");
    }

    @Test
    void format2And3RecordsWrittenBeforeV55AndFormat4RecordsShareAChainAndItsCheckpoint() {
        String caseId = "case-mixed";
        int chain = Math.floorMod(caseId.hashCode(), CHAINS);
        String prev = LedgerEntry.GENESIS_HASH;
        List<byte[]> leaves = new java.util.ArrayList<>();
        for (long seq = 1; seq <= 3; seq++) {
            int format = seq < 3 ? 2 : 3;
            LedgerEntry old = new LedgerEntry(
                    format,
                    chain,
                    seq,
                    "old-" + seq,
                    Topics.TASKS,
                    "dev.takedown.task.claimed.v1",
                    caseId,
                    "mod-1",
                    dev.takedown.audit.ActorType.HUMAN,
                    null,
                    "2026-11-01",
                    Instant.parse("2026-10-01T00:00:00Z").plusSeconds(seq),
                    "{\"n\":" + seq + "}",
                    prev);
            prev = old.hash();
            leaves.add(LedgerEntry.leaf(format, old.digest()));
            ledger.jdbc.update(
                    "insert into audit_ledger (chain, seq, event_id, topic, event_type, case_id, actor,"
                            + " actor_type, legal_basis, policy_version, occurred_at, payload, prev_hash, hash, format)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chain,
                    seq,
                    old.eventId(),
                    old.topic(),
                    old.eventType(),
                    caseId,
                    old.actor(),
                    "HUMAN",
                    null,
                    old.policyVersion(),
                    old.occurredAt().atOffset(ZoneOffset.UTC),
                    old.payload(),
                    old.prevHash(),
                    prev,
                    format);
        }
        ledger.jdbc.update("insert into audit_chain_head (chain, seq, hash) values (?, 3, ?)", chain, prev);
        for (int i = 0; i < 2; i++) {
            appender.append(ledger.record(
                    Topics.TASKS, new TaskClaimed(UUID.randomUUID(), Instant.now(), caseId, "mod-2", "task-" + i)));
        }
        List<LedgerRecord> rows = ledger.rows(chain);
        assertThat(rows).extracting(LedgerRecord::format).containsExactly(2, 2, 3, 4, 4);
        rows.subList(3, 5).forEach(r -> leaves.add(java.util.HexFormat.of().parseHex(r.hash())));

        Checkpoint checkpoint = checkpointer.run().get(0);

        assertThat(checkpoint.rootHash())
                .as("format 3 and 4 hashes are their own leaves, older ones are hashed again")
                .isEqualTo(java.util.HexFormat.of().formatHex(MerkleTree.root(leaves, 0, 5)));
        assertThat(verifier.verify()).isEqualTo(ChainStatus.intact(5, 1, 0));
    }

    @Test
    void aRotatedKeySignsNewCheckpointsWhileTheRetiredOneStillVerifiesTheOldOnes() throws Exception {
        appendCases(4);
        checkpointer.run();
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SigningKey next = new SigningKey(pair.getPrivate(), pair.getPublic());
        Checkpointer rotated = new Checkpointer(
                ledger.jdbc,
                ledger.transactions,
                true,
                Optional.of(next),
                List.of(key.publicKey()),
                Optional.of(trustedTsa()),
                tsa.trust(),
                CLOCK);
        appendCases(3);

        assertThat(rotated.run())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.keyId()).isEqualTo(next.keyId()));
        assertThat(rotated.trustedKeys().byId()).containsOnlyKeys(key.keyId(), next.keyId());
        assertThat(ledger.jdbc.queryForList("select distinct key_id from audit_checkpoint", String.class))
                .containsExactlyInAnyOrder(key.keyId(), next.keyId());

        long checkpoints = ledger.jdbc.queryForObject("select count(*) from audit_checkpoint", Long.class);
        assertThat(new LedgerVerifier(ledger.jdbc, ledger.transactions, rotated.trustedKeys(), tsa.trust()).verify())
                .isEqualTo(ChainStatus.intact(7, checkpoints, 0));
        ChainStatus newKeyOnly = new LedgerVerifier(
                        ledger.jdbc, ledger.transactions, KeyRing.of(List.of(next.publicKey())), tsa.trust())
                .verify();
        assertThat(newKeyOnly.intact()).isFalse();
        assertThat(newKeyOnly.reason()).contains("signed by unknown key " + key.keyId());
        ChainStatus oldKeyOnly = verifier.verify();
        assertThat(oldKeyOnly.intact()).isFalse();
        assertThat(oldKeyOnly.reason()).contains("signed by unknown key " + next.keyId());
    }

    private static final byte[] STATEMENT = "{\"x\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static TimestampAuthority trustedTsa() {
        return new TimestampAuthority(tsa.url(), Duration.ofSeconds(5), tsa.trust());
    }

    @Test
    void aForgedTimestampTokenIsDetected() {
        appendCases(4);
        checkpointer.run();
        Checkpoint other = ledger.jdbc
                .query(CheckpointRows.SELECT + " order by c.chain", CheckpointRows.MAPPER)
                .get(1);

        // a genuine token, but over another checkpoint's statement
        ledger.tamper(
                "update audit_checkpoint_timestamp set token = ? where chain = (select min(chain) from"
                        + " audit_checkpoint)",
                (Object) other.timestampToken());

        ChainStatus status = verifier.verify();
        assertThat(status.intact()).isFalse();
        assertThat(status.reason()).contains("imprint");
    }

    @Test
    void refusesToSignOverARewrittenPast() {
        int chain = checkpointedCase();
        appender.append(ledger.record(
                Topics.TASKS, new TaskClaimed(UUID.randomUUID(), Instant.now(), "case-x", "mod-7", "task-7")));
        LedgerRecord first = ledger.rows(chain).get(0);
        String forgedHash = new LedgerEntry(
                        first.format(),
                        chain,
                        1,
                        first.eventId(),
                        first.topic(),
                        first.eventType(),
                        first.caseId(),
                        "mallory",
                        first.actorType(),
                        first.legalBasis(),
                        first.policyVersion(),
                        first.occurredAt(),
                        first.payload(),
                        first.prevHash(),
                        first.payloadSalt(),
                        first.payloadCommitment())
                .hash();
        ledger.tamper(
                "update audit_ledger set actor = 'mallory', hash = ? where chain = ? and seq = 1", forgedHash, chain);

        assertThat(checkpointer.run()).isEmpty();
        assertThat(ledger.jdbc.queryForObject(
                        "select max(tree_size) from audit_checkpoint where chain = ?", Long.class, chain))
                .isEqualTo(6);
    }

    // --- the tamper matrix: a checkpointed chain, then a superuser edits the tables behind the triggers ---

    @Test
    void tamperChangeAFieldIsCaughtByTheRecordHash() {
        int chain = checkpointedCase();
        ledger.tamper("update audit_ledger set actor = 'mallory' where chain = ? and seq = 2", chain);

        assertBroken(chain, 2L, null, "hash does not match");
    }

    @Test
    void tamperChangeThePayloadIsCaughtByItsCommitment() {
        int chain = checkpointedCase();
        ledger.tamper("update audit_ledger set payload = '{\"forged\":true}' where chain = ? and seq = 2", chain);

        assertBroken(chain, 2L, null, "payload does not match its commitment");
    }

    @Test
    void tamperDeleteARecordIsCaughtByTheChain() {
        int chain = checkpointedCase();
        ledger.tamper("delete from audit_ledger where chain = ? and seq = 3", chain);

        assertBroken(chain, 3L, null, "record 3 is missing");
    }

    @Test
    void tamperSwapTwoRecordsIsCaughtByTheChain() {
        int chain = checkpointedCase();
        ledger.tamper("update audit_ledger set seq = 1000 where chain = ? and seq = 2", chain);
        ledger.tamper("update audit_ledger set seq = 2 where chain = ? and seq = 3", chain);
        ledger.tamper("update audit_ledger set seq = 3 where chain = ? and seq = 1000", chain);

        assertBroken(chain, 2L, null, "prev_hash");
    }

    @Test
    void tamperInsertAForgedRecordWithARecomputedChainAndHeadIsCaughtByTheCheckpoint() {
        int chain = checkpointedCase();
        List<LedgerRecord> rows = ledger.rows(chain);
        LedgerRecord template = rows.get(2);
        LedgerRecord forged = new LedgerRecord(
                chain,
                3,
                "forged-" + UUID.randomUUID(),
                template.topic(),
                template.eventType(),
                template.caseId(),
                "mallory",
                template.actorType(),
                null,
                template.policyVersion(),
                template.occurredAt(),
                template.recordedAt(),
                "{\"forged\":true}",
                "",
                "",
                2);
        List<LedgerRecord> rewritten = new java.util.ArrayList<>(rows.subList(0, 2));
        rewritten.add(forged);
        rewritten.addAll(rows.subList(2, rows.size()));
        rewriteChain(chain, rewritten);

        assertBroken(chain, null, (long) rows.size(), "Merkle root");
    }

    @Test
    void tamperTruncateTheTailIsCaughtByTheCheckpoint() {
        int chain = checkpointedCase();
        List<LedgerRecord> rows = ledger.rows(chain);
        ledger.tamper("delete from audit_ledger where chain = ? and seq > 4", chain);
        ledger.jdbc.update(
                "update audit_chain_head set seq = 4, hash = ? where chain = ?",
                rows.get(3).hash(),
                chain);

        assertBroken(chain, 5L, (long) rows.size(), "chain ends at record 4");
    }

    @Test
    void tamperRewriteTheWholeTableConsistentlyIsCaughtByTheCheckpoint() {
        int chain = checkpointedCase();
        List<LedgerRecord> rows = ledger.rows(chain);
        rewriteChain(
                chain,
                rows.stream()
                        .map(r -> new LedgerRecord(
                                r.chain(),
                                r.seq(),
                                r.eventId(),
                                r.topic(),
                                r.eventType(),
                                r.caseId(),
                                "mallory",
                                r.actorType(),
                                r.legalBasis(),
                                r.policyVersion(),
                                r.occurredAt(),
                                r.recordedAt(),
                                r.payload(),
                                "",
                                "",
                                r.format()))
                        .toList());

        assertBroken(chain, null, (long) rows.size(), "Merkle root");
    }

    @Test
    void tamperRewriteEverythingAndReSignWithAnotherKeyIsCaughtByTheSignature() throws Exception {
        int chain = checkpointedCase();
        List<LedgerRecord> rows = ledger.rows(chain);
        rewriteChain(
                chain,
                rows.stream()
                        .map(r -> new LedgerRecord(
                                r.chain(),
                                r.seq(),
                                r.eventId(),
                                r.topic(),
                                r.eventType(),
                                r.caseId(),
                                "mallory",
                                r.actorType(),
                                r.legalBasis(),
                                r.policyVersion(),
                                r.occurredAt(),
                                r.recordedAt(),
                                r.payload(),
                                "",
                                "",
                                r.format()))
                        .toList());
        ledger.tamper("delete from audit_checkpoint_timestamp");
        ledger.tamper("delete from audit_checkpoint");
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SigningKey forger = new SigningKey(pair.getPrivate(), pair.getPublic());
        new Checkpointer(
                        ledger.jdbc,
                        ledger.transactions,
                        true,
                        Optional.of(forger),
                        List.of(),
                        Optional.empty(),
                        TsaTrust.none(),
                        CLOCK)
                .run();
        assertThat(new LedgerVerifier(
                                ledger.jdbc,
                                ledger.transactions,
                                KeyRing.of(List.of(forger.publicKey())),
                                TsaTrust.none())
                        .verify()
                        .intact())
                .as("consistent under the forger's own key")
                .isTrue();

        ChainStatus status = verifier.verify();

        assertThat(status.intact()).isFalse();
        assertThat(status.reason()).contains("signed by unknown key " + forger.keyId());
    }

    // --- the restricted role ---

    @Test
    void theLedgerRoleMayInsertAndSelectButPrivilegesRefuseUpdateAndDelete() {
        appendCases(2);
        // triggers off: whatever refuses now is the privilege system
        ledger.jdbc.execute("alter table audit_ledger disable trigger user");
        ledger.jdbc.execute("alter table audit_checkpoint disable trigger user");
        try {
            for (String sql : List.of(
                    "update audit_ledger set actor = 'mallory'",
                    "delete from audit_ledger",
                    "truncate audit_ledger",
                    "update audit_checkpoint set root_hash = root_hash",
                    "delete from audit_checkpoint",
                    "delete from audit_chain_head")) {
                assertThatThrownBy(() -> asLedgerRole(sql))
                        .as(sql)
                        .isInstanceOf(DataAccessException.class)
                        .rootCause()
                        .hasMessageContaining("permission denied for table");
            }
            assertThat(ledger.jdbc.queryForObject(
                            "select rolcanlogin from pg_roles where rolname = 'takedown_ledger'", Boolean.class))
                    .isFalse();
        } finally {
            ledger.jdbc.execute("alter table audit_ledger enable trigger user");
            ledger.jdbc.execute("alter table audit_checkpoint enable trigger user");
        }
        assertThat(verifier.verify().intact()).isTrue();
        assertThat(ledger.jdbc.queryForObject("select count(*) from audit_ledger", Long.class))
                .isEqualTo(2);
    }

    @Test
    void theMigrationCreatesTheRoleIdempotently() {
        // reset() already ran the migration on a cluster where the role exists from earlier tests
        ledger.reset();
        assertThat(ledger.jdbc.queryForObject(
                        "select count(*) from pg_roles where rolname = 'takedown_ledger'", Long.class))
                .isEqualTo(1);
    }

    private void asLedgerRole(String sql) {
        new TransactionTemplate(ledger.transactions).executeWithoutResult(status -> {
            ledger.jdbc.execute("set local role takedown_ledger");
            ledger.jdbc.execute(sql);
        });
    }

    // ---

    private void appendCases(int events) {
        for (int i = 0; i < events; i++) {
            appender.append(ledger.record(
                    Topics.TASKS,
                    new TaskClaimed(UUID.randomUUID(), Instant.now(), "case-" + i % 5, "mod-" + i, "task-" + i)));
        }
    }

    /** Six records of one case, checkpointed and stamped; returns the case's chain. */
    private int checkpointedCase() {
        for (int i = 0; i < 6; i++) {
            appender.append(ledger.record(
                    Topics.TASKS,
                    new TaskClaimed(UUID.randomUUID(), Instant.now(), "case-x", "mod-" + i, "task-" + i)));
        }
        checkpointer.run();
        int chain = ledger.rows().get(0).chain();
        assertThat(verifier.verify().intact()).isTrue();
        return chain;
    }

    /** What a forger with superuser access does: renumber, re-hash and re-link the chain, and move its head. */
    private void rewriteChain(int chain, List<LedgerRecord> records) {
        ledger.tamper("delete from audit_ledger where chain = ?", chain);
        String prev = LedgerEntry.GENESIS_HASH;
        long seq = 0;
        for (LedgerRecord r : records) {
            LedgerEntry entry = r.format() >= 4
                    ? LedgerEntry.committed(
                            chain,
                            ++seq,
                            r.eventId(),
                            r.topic(),
                            r.eventType(),
                            r.caseId(),
                            r.actor(),
                            r.actorType(),
                            r.legalBasis(),
                            r.policyVersion(),
                            r.occurredAt(),
                            r.payload(),
                            prev)
                    : new LedgerEntry(
                            r.format(),
                            chain,
                            ++seq,
                            r.eventId(),
                            r.topic(),
                            r.eventType(),
                            r.caseId(),
                            r.actor(),
                            r.actorType(),
                            r.legalBasis(),
                            r.policyVersion(),
                            r.occurredAt(),
                            r.payload(),
                            prev);
            prev = entry.hash();
            ledger.jdbc.update(
                    "insert into audit_ledger (chain, seq, event_id, topic, event_type, case_id, actor,"
                            + " actor_type, legal_basis, policy_version, occurred_at, payload, prev_hash, hash, format,"
                            + " payload_salt, payload_commitment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " decode(?, 'hex'), ?)",
                    chain,
                    entry.seq(),
                    entry.eventId(),
                    entry.topic(),
                    entry.eventType(),
                    entry.caseId(),
                    entry.actor(),
                    entry.actorType().name(),
                    entry.legalBasis(),
                    entry.policyVersion(),
                    entry.occurredAt().atOffset(ZoneOffset.UTC),
                    entry.payload(),
                    entry.prevHash(),
                    prev,
                    entry.format(),
                    entry.payloadSalt(),
                    entry.payloadCommitment());
        }
        ledger.jdbc.update("update audit_chain_head set seq = ?, hash = ? where chain = ?", seq, prev, chain);
        assertThat(ledger.rows(chain))
                .as("the forged chain is consistent on its own")
                .allSatisfy(r -> assertThat(LedgerEntry.of(r).hash()).isEqualTo(r.hash()));
    }

    private void assertBroken(int chain, Long seq, Long checkpoint, String reason) {
        ChainStatus status = verifier.verify();
        assertThat(status.intact()).as(status.toString()).isFalse();
        assertThat(status.chain()).isEqualTo(chain);
        assertThat(status.firstBrokenSeq()).isEqualTo(seq);
        assertThat(status.brokenCheckpoint()).isEqualTo(checkpoint);
        assertThat(status.reason()).contains(reason);
    }
}
