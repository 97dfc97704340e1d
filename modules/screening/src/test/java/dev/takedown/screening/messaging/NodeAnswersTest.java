package dev.takedown.screening.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.takedown.events.InboundSignatures;
import dev.takedown.screening.Screening;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.env.MockEnvironment;

/** A node signs every record it sends with the screening nodes' key, over its own id, which the application checks. */
class NodeAnswersTest {

    private static final String SECRET = "the-screening-nodes-key-for-this-test-only-0123456789";

    private final Screening screening = new Screening();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @Test
    @SuppressWarnings("unchecked")
    void everyAnswerIsSignedOverTheNodesIdWithTheNamedKey() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        ObjectProvider<KafkaTemplate<?, ?>> provider = mock(ObjectProvider.class);
        when(provider.getIfUnique()).thenAnswer(invocation -> kafka);
        MockEnvironment environment = new MockEnvironment()
                .withProperty("takedown.enforcement.keys.screening-key.organisation", "screening-nodes")
                .withProperty("takedown.enforcement.keys.screening-key.secret", SECRET);

        new NodeAnswers(provider, json, screening, clock, "screening-key", environment).indexed("m-1", 3, false);

        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka, timeout(2_000)).send(sent.capture());
        ProducerRecord<String, byte[]> record = sent.getValue();
        assertThat(record.key()).isEqualTo(screening.nodeId());
        InboundSignatures.Verdict verdict = new InboundSignatures(
                        Map.of("screening-key", new InboundSignatures.Key("screening-nodes", SECRET)))
                .verifyProducer(
                        record.key(),
                        record.value(),
                        header(record, InboundSignatures.KEY_ID),
                        header(record, InboundSignatures.SIGNATURE));
        assertThat(verdict).isEqualTo(new InboundSignatures.Verified("screening-nodes", "screening-key"));
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"measureId\":\"m-1\"", "\"nodeId\":\"" + screening.nodeId() + "\"");
    }

    /** A broker that cannot be reached holds no caller: the producer waits for it on the node's own thread. */
    @Test
    @SuppressWarnings("unchecked")
    void aSendThatWaitsForTheBrokerHoldsNeitherTheSchedulerNorTheShutdown() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            Thread.sleep(60_000);
            return CompletableFuture.completedFuture(null);
        });
        ObjectProvider<KafkaTemplate<?, ?>> provider = mock(ObjectProvider.class);
        when(provider.getIfUnique()).thenAnswer(invocation -> kafka);
        NodeAnswers answers = new NodeAnswers(provider, json, screening, clock, "", new MockEnvironment());

        long started = System.nanoTime();
        answers.alive();
        answers.leaving();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKeyNameWithoutItsSecretStopsTheStart() {
        assertThatThrownBy(() -> new NodeAnswers(
                        mock(ObjectProvider.class), json, screening, clock, "missing-key", new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takedown.screening.answer-key names missing-key");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
