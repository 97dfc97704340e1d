package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * A signed tree head: the Merkle root of the first {@code treeSize} records of {@code chain}. {@code signature}
 * (Ed25519, base64) and the RFC 3161 {@code timestampToken} (DER; null while pending) are both over
 * {@link #statement()}.
 */
public record Checkpoint(
        int chain,
        long treeSize,
        String rootHash,
        Instant createdAt,
        String keyId,
        String signature,
        byte[] timestampToken) {

    /** Names what was signed, so a signature cannot be replayed as anything else. */
    public static final String LEDGER = "takedown-audit-ledger/v1";

    public Checkpoint {
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** RFC 8785 canonical JSON of {chain, createdAt, keyId, ledger, rootHash, treeSize}. */
    public String statement() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("chain", chain);
        node.put("createdAt", createdAt.toString());
        node.put("keyId", keyId);
        node.put("ledger", LEDGER);
        node.put("rootHash", rootHash);
        node.put("treeSize", treeSize);
        return CanonicalJson.write(node);
    }

    public byte[] statementBytes() {
        return statement().getBytes(StandardCharsets.UTF_8);
    }

    public boolean pending() {
        return timestampToken == null;
    }

    Checkpoint withSignature(String base64) {
        return new Checkpoint(chain, treeSize, rootHash, createdAt, keyId, base64, timestampToken);
    }

    /**
     * Empty when the checkpoint is signed by the key of {@code keys} it names and, once stamped, carries a valid
     * RFC 3161 token over its statement from a TSA that {@code tsa} trusts; otherwise what is wrong.
     */
    public Optional<String> problem(KeyRing keys, TsaTrust tsa) {
        String name = "checkpoint " + treeSize + " of chain " + chain;
        Optional<PublicKey> key = keys.get(keyId);
        if (key.isEmpty()) {
            return Optional.of(name + " is signed by unknown key " + keyId + ", not one of the trusted keys ("
                    + (keys.isEmpty() ? "none" : keys.ids()) + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(name + " has a malformed signature");
        }
        if (!SigningKey.verify(key.get(), statementBytes(), bytes)) {
            return Optional.of(name + ": the Ed25519 signature does not verify");
        }
        return pending()
                ? Optional.empty()
                : TimestampAuthority.check(timestampToken, statementBytes(), tsa)
                        .problem()
                        .map(p -> name + ": " + p);
    }
}
