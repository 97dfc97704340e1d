package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.audit.ActorType;
import dev.takedown.audit.LedgerRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Verifies an evidence bundle on its own: record hashes, links between a case's consecutive records, inclusion
 * proofs against signed checkpoints, consistency proofs, signatures, timestamp tokens, and that every derived file
 * (evidence list, statements, signatures, tokens) is what the rest of the bundle implies. Stops at the first problem.
 */
public final class BundleVerifier {

    private BundleVerifier() {}

    /** A bundle verified against published keys only: the bundle's own keys are never trusted. */
    public static Report verify(byte[] zip, KeyRing pinned, TsaTrust pinnedTsa) {
        return verify(zip, pinned, Set.of(), pinnedTsa);
    }

    /**
     * Anyone can re-sign a forged bundle with a key of their own and ship that key inside it, so a bundle whose
     * checkpoints are not all signed by a pinned key, or by a bundled key whose fingerprint the reader obtained from
     * the platform's publication, is {@link Verdict#UNVERIFIED_SIGNER} however consistent it is.
     *
     * @param pinned the published keys; when none, the bundle's own keys check the signatures
     * @param fingerprints published key fingerprints (hex SHA-256 of the key) that a bundled key may match
     * @param pinnedTsa the published TSA certificates; when none, the bundle's own are used and reported
     */
    public static Report verify(byte[] zip, KeyRing pinned, Set<String> fingerprints, TsaTrust pinnedTsa) {
        List<String> lines = new ArrayList<>();
        Set<String> signers = new TreeSet<>();
        try {
            Optional<String> problem = check(zip, read(zip), pinned, pinnedTsa, lines, signers);
            if (problem.isPresent()) {
                lines.add("BROKEN: " + problem.get());
                return new Report(Verdict.BROKEN, lines);
            }
        } catch (IOException | RuntimeException e) {
            lines.add("BROKEN: the bundle cannot be read: " + e.getMessage());
            return new Report(Verdict.BROKEN, lines);
        }
        Set<String> trusted = pinned.isEmpty()
                ? fingerprints.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet())
                : pinned.byId().keySet();
        if (signers.isEmpty()) {
            lines.add("UNVERIFIED SIGNER: no record is covered by a signed checkpoint");
            return new Report(Verdict.UNVERIFIED_SIGNER, lines);
        }
        if (!trusted.containsAll(signers)) {
            Set<String> unknown = new TreeSet<>(signers);
            unknown.removeAll(trusted);
            lines.add("UNVERIFIED SIGNER: checkpoint key(s) " + unknown
                    + " are neither pinned (--public-key) nor a published fingerprint (--fingerprint)");
            return new Report(Verdict.UNVERIFIED_SIGNER, lines);
        }
        lines.add("INTACT");
        return new Report(Verdict.INTACT, lines);
    }

    private static Optional<String> check(
            byte[] zip,
            Map<String, byte[]> files,
            KeyRing pinned,
            TsaTrust pinnedTsa,
            List<String> lines,
            Set<String> signers) {
        for (String name : List.of(
                EvidenceBundle.RECORDS,
                EvidenceBundle.EVIDENCE,
                EvidenceBundle.CHECKPOINTS,
                EvidenceBundle.INCLUSION,
                EvidenceBundle.CONSISTENCY)) {
            if (!files.containsKey(name)) {
                return Optional.of(name + " is missing");
            }
        }
        List<LedgerRecord> records = new ArrayList<>();
        for (JsonNode line : jsonLines(files.get(EvidenceBundle.RECORDS))) {
            LedgerRecord record = record(line);
            if (!CanonicalJson.write(EvidenceBundle.recordJson(record)).equals(CanonicalJson.write(line))) {
                return Optional.of("record " + record.chain() + "/" + record.seq() + " has unexpected fields");
            }
            if (!LedgerEntry.of(record).payloadMatchesCommitment()) {
                return Optional.of("record " + record.chain() + "/" + record.seq()
                        + ": payload does not match its commitment (changed after it was recorded)");
            }
            if (!LedgerEntry.of(record).hash().equals(record.hash())) {
                return Optional.of(
                        "record " + record.chain() + "/" + record.seq() + ": hash does not match the record's content");
            }
            if (!records.isEmpty()) {
                LedgerRecord previous = records.get(records.size() - 1);
                if (!record.caseId().equals(previous.caseId())) {
                    return Optional.of("the records are not all of one case");
                }
                if (previous.chain() == record.chain()
                        && previous.seq() + 1 == record.seq()
                        && !record.prevHash().equals(previous.hash())) {
                    return Optional.of("record " + record.chain() + "/" + record.seq()
                            + ": prev_hash does not match the hash of record " + previous.seq());
                }
            }
            if (record.legalBasis() != null) {
                // covered by the hash just recomputed: the provisions the record executes are as recorded
                lines.add("record " + record.chain() + "/" + record.seq() + " executes " + record.legalBasis());
            }
            if (record.purged()) {
                lines.add("record " + record.chain() + "/" + record.seq() + ": content purged under retention ("
                        + record.purgeClass() + ", " + record.purgedAt() + ")");
            }
            records.add(record);
        }
        if (records.isEmpty()) {
            return Optional.of("the bundle has no records");
        }
        lines.add("case " + records.get(0).caseId() + ": " + records.size() + " record(s), hashes recomputed");
        if (!Arrays.equals(EvidenceBundle.evidence(records), files.get(EvidenceBundle.EVIDENCE))) {
            return Optional.of(EvidenceBundle.EVIDENCE + " is not what the records declare");
        }

        Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
        Map<Integer, Checkpoint> latest = new HashMap<>();
        List<JsonNode> checkpointLines = jsonLines(files.get(EvidenceBundle.CHECKPOINTS));
        if (!checkpointLines.isEmpty()) {
            KeyRing keys = keys(files, pinned, lines);
            if (keys.isEmpty()) {
                return Optional.of("the bundle has checkpoints but no public key");
            }
            TsaTrust tsa = tsaTrust(files, pinnedTsa, lines);
            for (JsonNode line : checkpointLines) {
                Checkpoint checkpoint = checkpoint(line);
                Optional<String> problem =
                        checkpoint.problem(keys, tsa).or(() -> derivedFilesProblem(checkpoint, files));
                if (problem.isPresent()) {
                    return problem;
                }
                checkpoints.put(checkpoint.chain() + "/" + checkpoint.treeSize(), checkpoint);
                latest.merge(checkpoint.chain(), checkpoint, (a, b) -> a.treeSize() >= b.treeSize() ? a : b);
                String stamp = "timestamp PENDING";
                if (!checkpoint.pending()) {
                    var token = TimestampAuthority.check(checkpoint.timestampToken(), checkpoint.statementBytes(), tsa);
                    stamp = "timestamped " + token.time() + " by " + token.tsa() + " (trusted through " + token.anchor()
                            + ")";
                }
                lines.add("checkpoint " + checkpoint.treeSize() + " of chain " + checkpoint.chain() + " ("
                        + checkpoint.createdAt() + "): signature by key " + checkpoint.keyId() + " valid, " + stamp);
                signers.add(checkpoint.keyId());
            }
        }

        for (JsonNode proof : jsonLines(files.get(EvidenceBundle.CONSISTENCY))) {
            int chain = proof.path("chain").asInt();
            Checkpoint from = checkpoints.get(chain + "/" + proof.path("from").asLong());
            Checkpoint to = checkpoints.get(chain + "/" + proof.path("to").asLong());
            if (from == null
                    || to == null
                    || !MerkleTree.verifyConsistency(
                            from.treeSize(),
                            to.treeSize(),
                            hex(from.rootHash()),
                            hex(to.rootHash()),
                            hexList(proof.path("path")))) {
                return Optional.of("the consistency proof of chain " + chain + " from " + proof.path("from") + " to "
                        + proof.path("to") + " does not verify");
            }
        }

        Map<String, JsonNode> proofs = new HashMap<>();
        jsonLines(files.get(EvidenceBundle.INCLUSION))
                .forEach(p ->
                        proofs.put(p.path("chain").asInt() + "/" + p.path("seq").asLong(), p));
        int proven = 0;
        for (LedgerRecord record : records) {
            JsonNode proof = proofs.remove(record.chain() + "/" + record.seq());
            Checkpoint anchor = latest.get(record.chain());
            if (proof == null) {
                if (anchor != null && record.seq() <= anchor.treeSize()) {
                    return Optional.of("record " + record.chain() + "/" + record.seq() + " has no inclusion proof");
                }
                lines.add("record " + record.chain() + "/" + record.seq()
                        + " is newer than the latest checkpoint: its hash is not yet anchored");
                continue;
            }
            Checkpoint checkpoint = checkpoints.get(
                    record.chain() + "/" + proof.path("treeSize").asLong());
            if (checkpoint == null
                    || !MerkleTree.verifyInclusion(
                            LedgerEntry.leaf(record.format(), hex(record.hash())),
                            record.seq() - 1,
                            checkpoint.treeSize(),
                            hexList(proof.path("path")),
                            hex(checkpoint.rootHash()))) {
                return Optional.of("record " + record.chain() + "/" + record.seq()
                        + ": the inclusion proof does not lead to a signed checkpoint's root");
            }
            proven++;
        }
        if (!proofs.isEmpty()) {
            return Optional.of("inclusion proofs for records not in the bundle: " + proofs.keySet());
        }
        lines.add(proven + " record(s) proven included in signed checkpoints");
        // the ZIP reader skips the central directory and unused header fields: the export is deterministic, so
        // any byte outside the checked contents must be exactly what the exporter writes
        if (!Arrays.equals(EvidenceBundle.zip(files), zip)) {
            return Optional.of("the ZIP structure is not the one the exporter writes for these contents");
        }
        return Optional.empty();
    }

    private static KeyRing keys(Map<String, byte[]> files, KeyRing pinned, List<String> lines) {
        KeyRing bundled = Optional.ofNullable(files.get(EvidenceBundle.PUBLIC_KEY))
                .map(pem -> KeyRing.of(SigningKey.publicKeysFromPem(new String(pem, StandardCharsets.US_ASCII))))
                .orElse(KeyRing.none());
        if (!pinned.isEmpty()) {
            lines.add("checkpoint keys (pinned): " + pinned.ids());
            if (!bundled.isEmpty()
                    && !pinned.byId().keySet().containsAll(bundled.byId().keySet())) {
                lines.add("note: the bundle's public-key.pem has other keys, which are ignored");
            }
            return pinned;
        }
        if (!bundled.isEmpty()) {
            lines.add("checkpoint keys (from the bundle; compare with the published fingerprints): " + bundled.ids());
        }
        return bundled;
    }

    private static TsaTrust tsaTrust(Map<String, byte[]> files, TsaTrust pinned, List<String> lines) {
        if (!pinned.isEmpty()) {
            lines.add("TSA certificates (pinned): " + pinned.names());
            return pinned;
        }
        TsaTrust bundled = Optional.ofNullable(files.get(EvidenceBundle.TSA_CERTIFICATES))
                .map(pem -> new TsaTrust(TsaTrust.fromPem(pem)))
                .orElse(TsaTrust.none());
        if (!bundled.isEmpty()) {
            lines.add(
                    "TSA certificates (from the bundle; compare with the published fingerprints): " + bundled.names());
        }
        return bundled;
    }

    private static Optional<String> derivedFilesProblem(Checkpoint checkpoint, Map<String, byte[]> files) {
        String statement = EvidenceBundle.statementFile(checkpoint);
        String base = statement.replace(".statement.json", "");
        boolean same = Arrays.equals(files.get(statement), checkpoint.statementBytes())
                && Arrays.equals(files.get(base + ".sig"), Base64.getDecoder().decode(checkpoint.signature()))
                && (checkpoint.pending()
                        ? !files.containsKey(base + ".tst")
                        : Arrays.equals(files.get(base + ".tst"), checkpoint.timestampToken()));
        return same
                ? Optional.empty()
                : Optional.of(base + ".* do not match checkpoint " + checkpoint.treeSize() + " of chain "
                        + checkpoint.chain());
    }

    private static LedgerRecord record(JsonNode line) {
        int format = line.path("format").asInt();
        // only a format-4 record may lack its payload, and then only as purged (recordJson checks the shape)
        String payload = format >= 4 && !line.has("payload") ? null : CanonicalJson.write(line.path("payload"));
        JsonNode purged = line.path("purged");
        return new LedgerRecord(
                line.path("chain").asInt(),
                line.path("seq").asLong(),
                text(line, "eventId"),
                text(line, "topic"),
                text(line, "eventType"),
                text(line, "caseId"),
                text(line, "actor"),
                ActorType.valueOf(text(line, "actorType")),
                text(line, "legalBasis"),
                text(line, "policyVersion"),
                Instant.parse(text(line, "occurredAt")),
                null,
                payload,
                text(line, "prevHash"),
                text(line, "hash"),
                format,
                text(line, "payloadSalt"),
                text(line, "payloadCommitment"),
                Optional.ofNullable(text(purged, "at")).map(Instant::parse).orElse(null),
                text(purged, "recordClass"));
    }

    private static Checkpoint checkpoint(JsonNode line) {
        return new Checkpoint(
                line.path("chain").asInt(),
                line.path("treeSize").asLong(),
                text(line, "rootHash"),
                Instant.parse(text(line, "createdAt")),
                text(line, "keyId"),
                text(line, "signature"),
                Optional.ofNullable(text(line, "timestampToken"))
                        .map(Base64.getDecoder()::decode)
                        .orElse(null));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static List<byte[]> hexList(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(hex(h.asText())));
        return hashes;
    }

    private static List<JsonNode> jsonLines(byte[] file) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                nodes.add(
                        CanonicalJson.read(line).orElseThrow(() -> new IllegalArgumentException("not JSON: " + line)));
            }
        }
        return nodes;
    }

    /** Reads every entry; the ZIP reader checks each entry's CRC-32, so a damaged entry fails here. */
    private static Map<String, byte[]> read(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (files.put(entry.getName(), in.readAllBytes()) != null) {
                    throw new IOException("entry " + entry.getName() + " occurs twice");
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException("not a ZIP file, or an empty one");
        }
        return files;
    }

    /** What a reader may conclude from a bundle. */
    public enum Verdict {
        /** Consistent, and every checkpoint is signed by a key the reader pinned or whose fingerprint they gave. */
        INTACT,
        /** Something does not add up: the first problem is named. */
        BROKEN,
        /** Consistent, but nothing ties the signatures to the platform: it could be a re-signed forgery. */
        UNVERIFIED_SIGNER
    }

    /** {@code lines} is the human-readable report, ending in INTACT, UNVERIFIED SIGNER: reason or BROKEN: reason. */
    public record Report(Verdict verdict, List<String> lines) {

        public boolean intact() {
            return verdict == Verdict.INTACT;
        }
    }
}
