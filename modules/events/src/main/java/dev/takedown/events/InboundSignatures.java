package dev.takedown.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who wrote a record on {@link Topics#NOTICES_INBOUND}. Anyone who can reach the broker can write any key, so the
 * organisation a notice is filed for comes from the producer's key, not from the record key: each organisation's
 * portal holds a secret key, names it in {@value #KEY_ID} and signs the record in {@value #SIGNATURE} with
 * {@code v1=<hex HMAC-SHA256>} over the record key's length (4 bytes, big-endian), the key's UTF-8 bytes and the value
 * bytes. The length makes the split between key and value unambiguous. The organisation in the record key
 * ({@code organisationId:idempotencyKey}) must be the signing key's. Plain Java, so that producers can sign with it.
 */
public final class InboundSignatures {

    /** Header naming the signing key (configured per organisation under {@code takedown.intake.keys}). */
    public static final String KEY_ID = "takedown-key-id";

    /** Header with the signature, {@code v1=} and 64 lower-case hex digits. */
    public static final String SIGNATURE = "takedown-signature";

    /** The principal under which the ledger records a record signed with an organisation's key. */
    public static final String PRINCIPAL_PREFIX = "kafka-org:";

    private static final String VERSION = "v1=";
    private static final int MAX_QUOTED = 80;

    /** An organisation's signing key. */
    public record Key(String organisation, String secret) {}

    /** What a record's headers prove about its producer. */
    public sealed interface Verdict permits Verified, Refused {}

    /** Signed with the key of {@code organisation}, which the record key names. */
    public record Verified(String organisation, String keyId) implements Verdict {

        public String principal() {
            return PRINCIPAL_PREFIX + organisation;
        }
    }

    /**
     * Not signed, or signed by someone else. {@code claimedOrganisation} is what the record key says (bounded and
     * printable, null when the key names none): it is a claim, recorded as such.
     */
    public record Refused(String reason, String claimedOrganisation) implements Verdict {}

    private final Map<String, Key> keys;

    /** @param keys the signing keys by key id */
    public InboundSignatures(Map<String, Key> keys) {
        keys.forEach((id, key) -> {
            if (key.organisation() == null
                    || key.organisation().isBlank()
                    || key.secret() == null
                    || key.secret().isEmpty()) {
                throw new IllegalArgumentException("intake key " + id + " needs an organisation and a secret");
            }
        });
        this.keys = Map.copyOf(keys);
    }

    /** The header value a producer holding {@code secret} sends with this key and value. */
    public static String sign(String secret, String recordKey, byte[] value) {
        return VERSION + HexFormat.of().formatHex(mac(secret, recordKey, value));
    }

    /**
     * @param recordKey the record key, {@code organisationId:idempotencyKey}
     * @param keyId     the {@value #KEY_ID} header as UTF-8 text, null when absent
     * @param signature the {@value #SIGNATURE} header as UTF-8 text, null when absent
     */
    public Verdict verify(String recordKey, byte[] value, String keyId, String signature) {
        String claimed = claimedOrganisation(recordKey);
        if (claimed == null) {
            return new Refused("key must be 'organisationId:idempotencyKey'", null);
        }
        Verdict signed = verifyProducer(recordKey, value, keyId, signature);
        if (signed instanceof Refused refused) {
            return new Refused(refused.reason(), claimed);
        }
        Key key = keys.get(keyId);
        if (!key.organisation().equals(recordKey.substring(0, recordKey.indexOf(':')))) {
            return new Refused(
                    "the record key names organisation " + quoted(claimed) + " but is signed with "
                            + quoted(key.organisation()) + "'s key",
                    claimed);
        }
        return new Verified(key.organisation(), keyId);
    }

    /**
     * Who signed the record, whatever its key says: for topics whose key names no organisation (a platform's
     * enforcement answers are keyed by measure id), the caller checks that the signer is the one it expects.
     * {@link Refused#claimedOrganisation()} is null.
     */
    public Verdict verifyProducer(String recordKey, byte[] value, String keyId, String signature) {
        if (keyId == null || keyId.isBlank()) {
            return new Refused("no " + KEY_ID + " header", null);
        }
        Key key = keys.get(keyId);
        if (key == null) {
            return new Refused("unknown " + KEY_ID + " " + quoted(keyId), null);
        }
        if (signature == null || signature.isBlank()) {
            return new Refused("no " + SIGNATURE + " header", null);
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        byte[] expected = sign(key.secret(), recordKey, value).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Refused(SIGNATURE + " does not match key " + quoted(keyId), null);
        }
        return new Verified(key.organisation(), keyId);
    }

    /** The organisation the record key names, bounded and printable; null when it names none. */
    public static String claimedOrganisation(String recordKey) {
        int colon = recordKey == null ? -1 : recordKey.indexOf(':');
        if (colon <= 0 || colon == recordKey.length() - 1) {
            return null;
        }
        return printable(recordKey.substring(0, colon));
    }

    private static byte[] mac(String secret, String recordKey, byte[] value) {
        byte[] key = recordKey == null ? new byte[0] : recordKey.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(ByteBuffer.allocate(4).putInt(key.length).array());
            mac.update(key);
            if (value != null) {
                mac.update(value);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String value) {
        return "'" + printable(value) + "'";
    }

    /** At most 80 characters, control and format characters dropped: it goes into a reason and the ledger. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(MAX_QUOTED)
                .forEach(out::appendCodePoint);
        return out.length() < value.length() && value.codePointCount(0, value.length()) > MAX_QUOTED
                ? out.append('…').toString()
                : out.toString();
    }
}
