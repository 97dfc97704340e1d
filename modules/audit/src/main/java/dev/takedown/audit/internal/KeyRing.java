package dev.takedown.audit.internal;

import java.security.PublicKey;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Ed25519 public keys checkpoints may be signed with, by key id: the current signing key and the retired ones
 * that signed older checkpoints. A checkpoint names its key id; a key id not in the ring is unknown.
 */
public record KeyRing(Map<String, PublicKey> byId) {

    public KeyRing {
        byId = Map.copyOf(byId);
    }

    public static KeyRing of(Collection<PublicKey> keys) {
        Map<String, PublicKey> byId = new TreeMap<>();
        keys.forEach(k -> byId.put(SigningKey.keyId(k), k));
        return new KeyRing(byId);
    }

    public static KeyRing none() {
        return new KeyRing(Map.of());
    }

    public Optional<PublicKey> get(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The key ids, sorted, for reports. */
    public String ids() {
        return String.join(", ", new TreeMap<>(byId).keySet());
    }
}
