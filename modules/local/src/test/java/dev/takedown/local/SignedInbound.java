package dev.takedown.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.takedown.events.InboundSignatures;
import dev.takedown.events.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Notices on the inbound topic as the demo portals send them: signed with their organisation's local-profile key. */
final class SignedInbound {

    /** config/application-local.yml, {@code takedown.intake.keys}. */
    private static final Map<String, String> KEY_IDS = Map.of("org-a", "portal-org-a", "org-b", "portal-org-b");

    private static final Map<String, String> SECRETS = Map.of(
            "portal-org-a", "local-demo-intake-key-org-a-not-for-production",
            "portal-org-b", "local-demo-intake-key-org-b-not-for-production");

    private SignedInbound() {}

    /** A record keyed {@code organisation:idempotencyKey}, signed by that organisation's portal. */
    static ProducerRecord<String, String> notice(String key, String value) {
        return notice(null, key, value);
    }

    static ProducerRecord<String, String> notice(Integer partition, String key, String value) {
        String keyId = KEY_IDS.get(key.substring(0, key.indexOf(':')));
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.NOTICES_INBOUND, partition, key, value);
        record.headers().add(InboundSignatures.KEY_ID, keyId.getBytes(UTF_8));
        record.headers()
                .add(
                        InboundSignatures.SIGNATURE,
                        InboundSignatures.sign(SECRETS.get(keyId), key, value.getBytes(UTF_8))
                                .getBytes(UTF_8));
        return record;
    }
}
