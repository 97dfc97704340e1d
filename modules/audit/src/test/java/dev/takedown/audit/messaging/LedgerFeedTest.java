package dev.takedown.audit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.events.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;

class LedgerFeedTest {

    @Test
    void listensToEveryContractTopicInItsOwnGroup() throws NoSuchMethodException {
        KafkaListener listener =
                LedgerFeed.class.getDeclaredMethod("onRecords", List.class).getAnnotation(KafkaListener.class);

        assertThat(listener.topics()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(listener.groupId()).isEqualTo("takedown-audit");
        assertThat(listener.properties())
                .containsExactly(
                        "auto.offset.reset=earliest",
                        "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer");
        assertThat(listener.containerFactory()).isEqualTo(LedgerListeners.FACTORY);
        assertThat(listener.batch()).as("one transaction per poll").isEqualTo("true");
    }
}
