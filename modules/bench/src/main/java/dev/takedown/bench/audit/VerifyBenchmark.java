package dev.takedown.bench.audit;

import dev.takedown.audit.ActorType;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.audit.internal.ChainWalk;
import dev.takedown.audit.internal.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verification speed against the floor it cannot beat, in records per second, single-threaded both: {@code
 * verifyChain} rebuilds each record's hash preimage from its fields, hashes it, checks the link and extends the
 * Merkle tree (what the verifier does per record once rows are read); {@code rawSha256} only hashes the bytes the
 * verifier must hash per record, pre-encoded. For format 4 that is two hashes: salt || payload (the commitment the
 * payload must match) and 0x00 || preimage (the record hash, whose preimage carries the commitment).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyBenchmark {

    static final int RECORDS = 10_000;

    private List<LedgerRecord> records;
    private List<byte[]> preimages;
    private List<byte[]> committed;
    private MessageDigest sha256;

    @Setup
    public void build() throws NoSuchAlgorithmException {
        records = new ArrayList<>(RECORDS);
        preimages = new ArrayList<>(RECORDS);
        committed = new ArrayList<>(RECORDS);
        sha256 = MessageDigest.getInstance("SHA-256");
        String prev = LedgerEntry.GENESIS_HASH;
        Instant at = Instant.parse("2026-11-01T09:00:00.123456Z");
        for (int i = 1; i <= RECORDS; i++) {
            String payload = "{\"actor\":\"mod-" + i % 7 + "\",\"caseId\":\"case-" + i % 50 + "\",\"note\":\""
                    + "x".repeat(300) + "\",\"taskId\":\"task-" + i + "\"}";
            LedgerEntry entry = LedgerEntry.committed(
                    0,
                    i,
                    "evt-" + i,
                    "takedown.tasks",
                    "dev.takedown.task.claimed.v1",
                    "case-" + i % 50,
                    "mod-" + i % 7,
                    ActorType.HUMAN,
                    "DSA_ART_16",
                    "2026-11-01",
                    at.plusSeconds(i),
                    payload,
                    prev);
            prev = entry.hash();
            records.add(new LedgerRecord(
                    0,
                    i,
                    entry.eventId(),
                    entry.topic(),
                    entry.eventType(),
                    entry.caseId(),
                    entry.actor(),
                    entry.actorType(),
                    entry.legalBasis(),
                    entry.policyVersion(),
                    entry.occurredAt(),
                    entry.occurredAt(),
                    payload,
                    entry.prevHash(),
                    prev,
                    entry.format(),
                    entry.payloadSalt(),
                    entry.payloadCommitment(),
                    null,
                    null));
            preimages.add(("\0" + entry.preimage()).getBytes(StandardCharsets.UTF_8));
            byte[] salt = HexFormat.of().parseHex(entry.payloadSalt());
            byte[] body = payload.getBytes(StandardCharsets.UTF_8);
            byte[] saltAndPayload = Arrays.copyOf(salt, salt.length + body.length);
            System.arraycopy(body, 0, saltAndPayload, salt.length, body.length);
            committed.add(saltAndPayload);
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public String verifyChain() {
        ChainWalk walk = new ChainWalk();
        for (LedgerRecord record : records) {
            if (walk.add(record).isPresent()) {
                throw new IllegalStateException("record " + record.seq() + " does not verify");
            }
        }
        return walk.root();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public byte[] rawSha256() {
        byte[] last = null;
        for (int i = 0; i < RECORDS; i++) {
            sha256.digest(committed.get(i));
            last = sha256.digest(preimages.get(i));
        }
        return last;
    }
}
