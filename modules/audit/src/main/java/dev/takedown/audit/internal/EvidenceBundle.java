package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takedown.audit.LedgerRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence bundle of one case: a ZIP that proves the case's ledger records without the database. The same
 * ledger state always gives the same bytes: fixed entry order and timestamps, stored (not deflated, whose output
 * depends on the zlib build), canonical JSON everywhere.
 */
public final class EvidenceBundle {

    public static final String HOW_TO = "HOW-TO-VERIFY.txt";
    public static final String PUBLIC_KEY = "public-key.pem";
    public static final String TSA_CERTIFICATES = "tsa-certificates.pem";
    public static final String RECORDS = "records.jsonl";
    public static final String EVIDENCE = "evidence.jsonl";
    public static final String CHECKPOINTS = "checkpoints.jsonl";
    public static final String INCLUSION = "inclusion-proofs.jsonl";
    public static final String CONSISTENCY = "consistency-proofs.jsonl";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final KeyRing keys;
    private final TsaTrust tsaTrust;

    /** @param keys the trusted checkpoint keys; the bundle carries those its checkpoints name */
    public EvidenceBundle(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyRing keys, TsaTrust tsaTrust) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.tsaTrust = tsaTrust;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The bundle, or empty when the ledger has no record of the case. */
    public Optional<byte[]> export(String caseId) {
        return snapshot.execute(status -> {
            List<LedgerRecord> records =
                    jdbc.query(LedgerRows.SELECT + " where case_id = ? order by chain, seq", LedgerRows.MAPPER, caseId);
            return records.isEmpty() ? Optional.empty() : Optional.of(zip(files(caseId, records)));
        });
    }

    private Map<String, byte[]> files(String caseId, List<LedgerRecord> records) {
        Map<Integer, List<LedgerRecord>> byChain = new TreeMap<>();
        records.forEach(
                r -> byChain.computeIfAbsent(r.chain(), c -> new ArrayList<>()).add(r));
        List<Checkpoint> included = new ArrayList<>();
        StringBuilder inclusion = new StringBuilder();
        StringBuilder consistency = new StringBuilder();
        byChain.forEach((chain, chainRecords) -> {
            List<Checkpoint> checkpoints = jdbc.query(
                    CheckpointRows.SELECT + " where c.chain = ?" + " order by c.tree_size desc",
                    CheckpointRows.MAPPER,
                    chain);
            if (checkpoints.isEmpty()) {
                return;
            }
            Checkpoint latest = checkpoints.get(0);
            // the newest stamped checkpoint anchors the chain in time even while the latest awaits its token
            Optional<Checkpoint> stamped =
                    checkpoints.stream().filter(c -> !c.pending()).findFirst().filter(c -> c != latest);
            stamped.ifPresent(included::add);
            included.add(latest);
            List<byte[]> leaves = jdbc.query(
                    "select hash, format from audit_ledger where chain = ? and seq <= ?" + " order by seq",
                    (rs, row) -> LedgerEntry.leaf(rs.getInt(2), HexFormat.of().parseHex(rs.getString(1))),
                    chain,
                    latest.treeSize());
            int size = Math.toIntExact(latest.treeSize());
            for (LedgerRecord record : chainRecords) {
                if (record.seq() <= size) {
                    ObjectNode proof = JsonNodeFactory.instance.objectNode();
                    proof.put("chain", chain);
                    proof.put("seq", record.seq());
                    proof.put("treeSize", size);
                    proof.set("path", hexArray(MerkleTree.inclusionProof(leaves, (int) record.seq() - 1, size)));
                    inclusion.append(CanonicalJson.write(proof)).append('\n');
                }
            }
            stamped.ifPresent(from -> {
                ObjectNode proof = JsonNodeFactory.instance.objectNode();
                proof.put("chain", chain);
                proof.put("from", from.treeSize());
                proof.put("to", size);
                proof.set("path", hexArray(MerkleTree.consistencyProof(leaves, (int) from.treeSize(), size)));
                consistency.append(CanonicalJson.write(proof)).append('\n');
            });
        });
        included.sort((a, b) -> a.chain() != b.chain()
                ? Integer.compare(a.chain(), b.chain())
                : Long.compare(a.treeSize(), b.treeSize()));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(HOW_TO, howTo(caseId).getBytes(StandardCharsets.UTF_8));
        // every key that signed an included checkpoint (several after a rotation), in key id order
        String pems = included.stream()
                .map(Checkpoint::keyId)
                .distinct()
                .sorted()
                .map(keys::get)
                .flatMap(Optional::stream)
                .map(k -> SigningKey.pem("PUBLIC KEY", k.getEncoded()))
                .collect(Collectors.joining());
        if (!pems.isEmpty()) {
            files.put(PUBLIC_KEY, pems.getBytes(StandardCharsets.US_ASCII));
        }
        if (included.stream().anyMatch(c -> !c.pending()) && !tsaTrust.isEmpty()) {
            files.put(TSA_CERTIFICATES, tsaTrust.pem());
        }
        files.put(
                RECORDS,
                jsonLines(records.stream().map(EvidenceBundle::recordJson).toList()));
        files.put(EVIDENCE, evidence(records));
        files.put(
                CHECKPOINTS,
                jsonLines(included.stream().map(EvidenceBundle::checkpointJson).toList()));
        files.put(INCLUSION, inclusion.toString().getBytes(StandardCharsets.UTF_8));
        files.put(CONSISTENCY, consistency.toString().getBytes(StandardCharsets.UTF_8));
        for (Checkpoint checkpoint : included) {
            String base = statementFile(checkpoint);
            files.put(base, checkpoint.statementBytes());
            files.put(
                    base.replace(".statement.json", ".sig"), Base64.getDecoder().decode(checkpoint.signature()));
            if (!checkpoint.pending()) {
                files.put(base.replace(".statement.json", ".tst"), checkpoint.timestampToken());
            }
        }
        return files;
    }

    static String statementFile(Checkpoint checkpoint) {
        return "checkpoints/chain-" + checkpoint.chain() + "-size-" + checkpoint.treeSize() + ".statement.json";
    }

    /**
     * A record as one canonical JSON object: the hashed fields (payload as JSON, not as text) and the hash. A
     * format-4 record carries its commitment, and either payload and salt or, once they are purged, {@code purged}
     * with the record class and time of the purge.
     */
    static ObjectNode recordJson(LedgerRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("format", record.format());
        node.put("chain", record.chain());
        node.put("seq", record.seq());
        node.put("eventId", record.eventId());
        node.put("topic", record.topic());
        node.put("eventType", record.eventType());
        node.put("caseId", record.caseId());
        node.put("actor", record.actor());
        node.put("actorType", record.actorType().name());
        node.put("legalBasis", record.legalBasis());
        node.put("policyVersion", record.policyVersion());
        node.put("occurredAt", record.occurredAt().toString());
        if (record.format() < 4 || !record.purged()) {
            node.set(
                    "payload",
                    CanonicalJson.read(record.payload())
                            .orElseGet(() -> JsonNodeFactory.instance.textNode(record.payload())));
        }
        if (record.format() >= 4) {
            node.put("payloadCommitment", record.payloadCommitment());
            if (record.purged()) {
                ObjectNode purged = node.putObject("purged");
                purged.put("recordClass", record.purgeClass());
                purged.put("at", record.purgedAt().toString());
            } else {
                node.put("payloadSalt", record.payloadSalt());
            }
        }
        node.put("prevHash", record.prevHash());
        node.put("hash", record.hash());
        return node;
    }

    static ObjectNode checkpointJson(Checkpoint checkpoint) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("chain", checkpoint.chain());
        node.put("treeSize", checkpoint.treeSize());
        node.put("rootHash", checkpoint.rootHash());
        node.put("createdAt", checkpoint.createdAt().toString());
        node.put("keyId", checkpoint.keyId());
        node.put("signature", checkpoint.signature());
        node.put(
                "timestampToken",
                checkpoint.pending() ? null : Base64.getEncoder().encodeToString(checkpoint.timestampToken()));
        return node;
    }

    /** Evidence files are not stored yet: what the records declare about them (hashes included) is listed. */
    static byte[] evidence(List<LedgerRecord> records) {
        List<JsonNode> lines = new ArrayList<>();
        for (LedgerRecord record : records) {
            List<JsonNode> items = new ArrayList<>();
            CanonicalJson.read(record.payload()).ifPresent(payload -> declaredEvidence(payload, items));
            for (JsonNode item : items) {
                ObjectNode line = JsonNodeFactory.instance.objectNode();
                line.put("chain", record.chain());
                line.put("seq", record.seq());
                line.put("eventId", record.eventId());
                line.set("item", item);
                lines.add(line);
            }
        }
        return jsonLines(lines);
    }

    private static void declaredEvidence(JsonNode node, List<JsonNode> items) {
        node.properties().forEach(field -> {
            if (field.getKey().equals("evidence") && field.getValue().isArray()) {
                field.getValue().forEach(item -> {
                    if (item.isObject() && item.hasNonNull("sha256")) {
                        items.add(item);
                    }
                });
            }
            declaredEvidence(field.getValue(), items);
        });
        if (node.isArray()) {
            node.forEach(element -> declaredEvidence(element, items));
        }
    }

    private static ArrayNode hexArray(List<byte[]> hashes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        hashes.forEach(h -> array.add(HexFormat.of().formatHex(h)));
        return array;
    }

    private static byte[] jsonLines(List<? extends JsonNode> nodes) {
        StringBuilder out = new StringBuilder();
        nodes.forEach(n -> out.append(CanonicalJson.write(n)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                byte[] content = file.getValue();
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                entry.setCrc(crc.getValue());
                // DOS time only (no extended-timestamp field, no time zone); the JDK adds the field for 1980-01-01
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String howTo(String caseId) {
        return """
                Evidence bundle of case %s from the Takedown audit ledger
                =========================================================

                What is here
                  records.jsonl             every ledger record of the case, one RFC 8785 canonical JSON object
                                            per line, in chain and sequence order
                  evidence.jsonl            evidence items the records declare, with their SHA-256 hashes;
                                            evidence files are referenced by hash, not included
                  checkpoints.jsonl         signed Merkle checkpoints (tree heads) of the chains those records
                                            are on, with their RFC 3161 timestamp tokens (null while pending)
                  inclusion-proofs.jsonl    for each record, its RFC 9162 audit path to the latest checkpoint
                  consistency-proofs.jsonl  RFC 9162 consistency proofs from the newest time-stamped
                                            checkpoint to the latest one
                  checkpoints/              each checkpoint's signed statement (.statement.json), Ed25519
                                            signature (.sig, raw 64 bytes) and timestamp token (.tst, DER)
                  public-key.pem            the Ed25519 key(s) that signed the checkpoints (more than one after a
                                            key rotation); compare each SHA-256 fingerprint (the keyId of each
                                            checkpoint) with the published ones
                  tsa-certificates.pem      the TSA certificate(s) the ledger trusts: each timestamp token's
                                            signer must chain to one of them; compare with the published ones

                How a record is hashed
                  preimage = the RFC 8785 canonical JSON of the record's fields other than "hash" and "format"
                  (format 1 records also leave out chain, legalBasis and policyVersion; format 4 records leave
                  out payload, payloadSalt and purged: their payloadCommitment stands for the payload).
                  formats 3 and 4: hash = SHA-256(0x00 || preimage); formats 1 and 2: hash = SHA-256(preimage).
                  format 4: payloadCommitment = SHA-256(the 16 bytes of payloadSalt (hex) || the UTF-8 of the
                  payload's canonical JSON); a record with "purged" instead of a payload had its content
                  purged under retention (record class, time): its hash still verifies, its content is gone.
                  prevHash is the hash of the previous record of the same chain (64 zeros for the first).

                How the Merkle tree is built (RFC 9162 section 2.1)
                  leaf = the 32 bytes of a format 3 record hash (already SHA-256(0x00 || preimage)), or
                  SHA-256(0x00 || the 32 bytes of the record hash) for formats 1 and 2, in sequence order;
                  node = SHA-256(0x01 || left || right); n leaves split at the largest power of two below n.
                  A record's leaf index is seq - 1.

                What a checkpoint says
                  The .statement.json file is the RFC 8785 canonical JSON of {chain, createdAt, keyId, ledger,
                  rootHash, treeSize}. The signature and the timestamp token are over exactly those bytes; the
                  token's message imprint is their SHA-256.

                Verify with the Takedown verifier
                  java -cp <takedown-audit jar and its dependencies> dev.takedown.audit.cli.VerifyCommand \\
                      [--public-key published.pem | --fingerprint KEY-ID]... [--tsa-certificate tsa-ca.pem]... \\
                      this-bundle.zip
                  Exit code 0: intact; 1: something does not verify (the report names it); 2: usage error;
                  3: consistent, but signed by a key you did not pin or vouch for by its published fingerprint
                  (anyone can re-sign a bundle with a key of their own and ship that key inside it).

                Verify by hand (OpenSSL 3)
                  openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin \\
                      -in checkpoints/chain-C-size-N.statement.json -sigfile checkpoints/chain-C-size-N.sig
                  openssl ts -reply -token_in -in checkpoints/chain-C-size-N.tst -text
                  openssl ts -verify -token_in -in checkpoints/chain-C-size-N.tst \\
                      -data checkpoints/chain-C-size-N.statement.json -CAfile tsa-certificates.pem
                  then recompute each record hash, walk its audit path to rootHash, and check the
                  consistency proofs as RFC 9162 sections 2.1.3.2 and 2.1.4.2 describe.
                """.formatted(caseId);
    }
}
