package dev.takedown.screening.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import dev.takedown.screening.Decision;
import dev.takedown.screening.Screening;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class MeasureFeedTest {

    private static final ScreeningRule RULE =
            new ScreeningRule("Ultraman", List.of("Ultraman", "奥特曼"), null, List.of("lic"), null, null);

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Screening screening = new Screening();
    private final MeasureFeed feed = new MeasureFeed(screening, json);
    private long offset;

    private ConsumerRecord<String, String> record(String key, TakedownEvent event) throws Exception {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                Topics.MEASURES, 0, offset++, key, event == null ? null : json.writeValueAsString(event));
        if (event != null) {
            record.headers()
                    .add(CloudEventHeaders.TYPE, event.eventType().value().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static MeasureApplied applied(String measureId, String targetUrl, ScreeningRule rule) {
        return new MeasureApplied(
                UUID.randomUUID(),
                Instant.now(),
                "case-1",
                "mod",
                measureId,
                rule == null ? "DELETE" : "PROMPT_FILTER",
                targetUrl,
                rule);
    }

    @Test
    void appliedRecordsWithARuleScreenPromptsAndLiftedOnesStop() throws Exception {
        feed.on(List.of(record("m-1", applied("m-1", null, RULE))));
        assertThat(screening.checkPrompt("an ultraman toy", "x").decision()).isEqualTo(Decision.BLOCK);
        assertThat(screening.checkPrompt("an ultraman toy", "lic").decision()).isEqualTo(Decision.ALLOW);

        feed.on(List.of(record(
                "m-1", new MeasureLifted(UUID.randomUUID(), Instant.now(), "case-1", "mod", "m-1", "counter-notice"))));
        assertThat(screening.checkPrompt("an ultraman toy", "x").decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void targetMeasuresBlockUrlsAndTombstonesLiftByKey() throws Exception {
        feed.on(List.of(
                record("m-2", applied("m-2", "https://gen.example/1", null)),
                record("m-3", applied("m-3", null, RULE))));
        assertThat(screening.urls().check("https://gen.example/1")).isPresent();
        assertThat(screening.checkPrompt("奧特曼", null).decision()).isEqualTo(Decision.BLOCK);

        feed.on(List.of(record("m-2", null), record("m-3", null)));
        assertThat(screening.urls().check("https://gen.example/1")).isEmpty();
        assertThat(screening.checkPrompt("奧特曼", null).decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void malformedRecordsAreSkippedAndTheRestOfTheBatchApplies() throws Exception {
        ConsumerRecord<String, String> garbage = new ConsumerRecord<>(Topics.MEASURES, 0, offset++, "m-x", "{not json");
        ScreeningRule badHash = new ScreeningRule("x", List.of("Tiga"), null, null, List.of("zz"), null);
        feed.on(List.of(
                garbage, record("m-4", applied("m-4", null, badHash)), record("m-5", applied("m-5", null, RULE))));
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.BLOCK);
        assertThat(screening.checkPrompt("Tiga", null).decision()).isEqualTo(Decision.ALLOW);
        assertThat(screening.activeFilters()).isEqualTo(1);
    }

    @Test
    void aReplayedTopicEndsInTheLatestState() throws Exception {
        feed.on(List.of(
                record("m-6", applied("m-6", null, RULE)),
                record("m-6", new MeasureLifted(UUID.randomUUID(), Instant.now(), "c", "mod", "m-6", "appeal")),
                record(
                        "m-7",
                        applied("m-7", null, new ScreeningRule("Tiga", List.of("Tiga"), null, null, null, null)))));
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.ALLOW);
        assertThat(screening.checkPrompt("Tiga", null).decision()).isEqualTo(Decision.BLOCK);
    }
}
