package dev.takedown.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.events.InboundSignatures.Refused;
import dev.takedown.events.InboundSignatures.Verified;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundSignaturesTest {

    private static final String SECRET = "org-a-portal-key-for-this-test-only-0123456789";
    private static final byte[] VALUE = "{\"works\":[]}".getBytes(UTF_8);

    private final InboundSignatures signatures =
            new InboundSignatures(Map.of("portal-a", new InboundSignatures.Key("org-a", SECRET)));

    @Test
    void theSignatureIsHmacSha256OverTheKeyLengthTheKeyAndTheValue() {
        // printf '\0\0\0\x09org-a:k-1{"works":[]}' | openssl dgst -sha256 -hmac "$SECRET" (docs/integration.md)
        assertThat(InboundSignatures.sign(SECRET, "org-a:k-1", VALUE))
                .isEqualTo("v1=0aa3ca6883a380dbd49dc585788a14c40947b0851efe921ab9b2ff97df995213")
                .as("moving a byte from the value into the key changes it")
                .isNotEqualTo(InboundSignatures.sign(SECRET, "org-a:k-1{", "\"works\":[]}".getBytes(UTF_8)));
    }

    @Test
    void aRecordSignedWithItsOrganisationsKeyIsThatOrganisations() {
        assertThat(signatures.verify(
                        "org-a:k-1", VALUE, "portal-a", InboundSignatures.sign(SECRET, "org-a:k-1", VALUE)))
                .isEqualTo(new Verified("org-a", "portal-a"))
                .extracting(v -> ((Verified) v).principal())
                .isEqualTo("kafka-org:org-a");
    }

    @Test
    void anythingElseIsRefusedWithTheReasonAndTheClaim() {
        String good = InboundSignatures.sign(SECRET, "org-a:k-1", VALUE);
        assertThat(signatures.verify(
                        "org-b:k-1", VALUE, "portal-a", InboundSignatures.sign(SECRET, "org-b:k-1", VALUE)))
                .isEqualTo(new Refused(
                        "the record key names organisation 'org-b' but is signed with 'org-a''s key", "org-b"));
        assertThat(signatures.verify("org-a:k-1", VALUE, null, null))
                .isEqualTo(new Refused("no takedown-key-id header", "org-a"));
        assertThat(signatures.verify("org-a:k-1", VALUE, "portal-a", null))
                .isEqualTo(new Refused("no takedown-signature header", "org-a"));
        assertThat(signatures.verify("org-a:k-1", VALUE, "portal-z", good))
                .isEqualTo(new Refused("unknown takedown-key-id 'portal-z'", "org-a"));
        assertThat(signatures.verify("org-a:k-2", VALUE, "portal-a", good))
                .as("the signature of another record")
                .isEqualTo(new Refused("takedown-signature does not match key 'portal-a'", "org-a"));
        assertThat(signatures.verify("org-a:k-1", "{}".getBytes(UTF_8), "portal-a", good))
                .isEqualTo(new Refused("takedown-signature does not match key 'portal-a'", "org-a"));
        assertThat(signatures.verify("no-separator", VALUE, "portal-a", good))
                .isEqualTo(new Refused("key must be 'organisationId:idempotencyKey'", null));
    }

    @Test
    void theClaimIsBoundedAndPrintable() {
        assertThat(InboundSignatures.claimedOrganisation("org\u0000-\u202eb:k")).isEqualTo("org-b");
        assertThat(InboundSignatures.claimedOrganisation("o".repeat(500) + ":k"))
                .hasSize(81)
                .endsWith("…");
        assertThat(InboundSignatures.claimedOrganisation(null)).isNull();
    }

    @Test
    void aKeyWithoutOrganisationOrSecretIsAConfigurationError() {
        assertThatThrownBy(() -> new InboundSignatures(Map.of("k", new InboundSignatures.Key("org-a", ""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k");
    }
}
