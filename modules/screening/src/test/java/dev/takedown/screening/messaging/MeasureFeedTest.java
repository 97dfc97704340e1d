package dev.takedown.screening.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.SimilarUploads;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import dev.takedown.screening.Decision;
import dev.takedown.screening.FileVerdict;
import dev.takedown.screening.Screening;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

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

    /**
     * The node answers a command once its index holds it (a lift once the measure left it), each version once: the
     * filter counts as enforced when every node has answered.
     */
    @Test
    void eachCommandIsAnsweredOnceTheIndexHoldsIt() throws Exception {
        List<String> answers = new ArrayList<>();
        MeasureFeed answering = new MeasureFeed(
                screening,
                json,
                (measureId, version, lift) -> answers.add(measureId + ":" + version + (lift ? " lift " : " ")
                        + screening.checkPrompt("an ultraman toy", "x").decision()));
        MeasureApplied applied = new MeasureApplied(
                UUID.randomUUID(), Instant.now(), "case-1", "mod", "m-9", "PROMPT_FILTER", null, RULE, null, 1L);

        answering.on(List.of(record("m-9", applied)));
        answering.on(List.of(record("m-9", applied)));
        answering.on(List.of(record(
                "m-9",
                new MeasureLifted(UUID.randomUUID(), Instant.now(), "case-1", "mod", "m-9", "counter-notice", 2L))));

        assertThat(answers).containsExactly("m-9:1 BLOCK", "m-9:2 lift ALLOW");
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
    void anUnreadableRecordIsFailedByItsIndexAfterTheRecordsBeforeItApply() throws Exception {
        ConsumerRecord<String, String> garbage = new ConsumerRecord<>(Topics.MEASURES, 0, offset++, "m-x", "{not json");
        ConsumerRecord<String, String> after =
                record("m-8", applied("m-8", null, new ScreeningRule("Tiga", List.of("Tiga"), null, null, null, null)));
        List<ConsumerRecord<String, String>> batch = List.of(record("m-5", applied("m-5", null, RULE)), garbage, after);

        assertThatThrownBy(() -> feed.on(batch))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasRootCauseInstanceOf(JsonProcessingException.class);
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.BLOCK);
        assertThat(screening.checkPrompt("Tiga", null).decision())
                .as("the records after it come again")
                .isEqualTo(Decision.ALLOW);

        feed.on(List.of(after));
        assertThat(screening.checkPrompt("Tiga", null).decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void aRuleScreeningRefusesIsFailedByItsIndexAndTheRestOfTheBatchComesAgain() throws Exception {
        ScreeningRule badHash = new ScreeningRule("x", List.of("Tiga"), null, null, List.of("zz"), null);
        ConsumerRecord<String, String> after = record(
                "m-9", applied("m-9", null, new ScreeningRule("Zoffy", List.of("Zoffy"), null, null, null, null)));

        assertThatThrownBy(() -> feed.on(List.of(
                        record("m-5", applied("m-5", null, RULE)),
                        record("m-4", applied("m-4", null, badHash)),
                        after)))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasMessageContaining("m-4");
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.BLOCK);
        assertThat(screening.checkPrompt("Tiga", null).decision()).isEqualTo(Decision.ALLOW);

        feed.on(List.of(after));
        assertThat(screening.checkPrompt("Zoffy", null).decision()).isEqualTo(Decision.BLOCK);
        assertThat(screening.activeFilters()).isEqualTo(2);
    }

    @Test
    void anAppliedRecordSentAgainAfterItsLiftChangesNothing() throws Exception {
        ConsumerRecord<String, String> applied = record("m-10", versioned(applied("m-10", null, RULE), 1));
        feed.on(List.of(applied));
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.BLOCK);
        feed.on(List.of(record("m-10", lifted("m-10", 2))));
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.ALLOW);

        // an outbox row resubmitted by two nodes, one in a later poll, one in the same poll as a new measure
        feed.on(List.of(record("m-10", versioned(applied("m-10", null, RULE), 1))));
        feed.on(List.of(
                record("m-10", versioned(applied("m-10", null, RULE), 1)),
                record("m-11", versioned(applied("m-11", "https://gen.example/11", null), 1))));

        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.ALLOW);
        assertThat(screening.activeFilters()).isZero();
        assertThat(screening.urls().check("https://gen.example/11")).isPresent();
    }

    @Test
    void withinOneBatchOnlyTheHighestVersionOfAMeasureCounts() throws Exception {
        feed.on(List.of(
                record("m-12", versioned(applied("m-12", null, RULE), 1)),
                record("m-12", lifted("m-12", 2)),
                record("m-12", versioned(applied("m-12", null, RULE), 1))));

        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aNodeStartedFromTheCompactedTopicKeepsTheLiftedMeasureInactive() throws Exception {
        // compaction keeps the last record per key: the lift, published again after the stale applied record
        Screening restarted = new Screening();
        new MeasureFeed(restarted, json)
                .on(List.of(
                        record("m-13", lifted("m-13", 2)), record("m-14", versioned(applied("m-14", null, RULE), 1))));
        assertThat(restarted.activeFilters()).isEqualTo(1);

        // the whole log in order: applied, lifted, the stale applied record, the lift again
        Screening replayed = new Screening();
        new MeasureFeed(replayed, json)
                .on(List.of(
                        record("m-13", versioned(applied("m-13", null, RULE), 1)),
                        record("m-13", lifted("m-13", 2)),
                        record("m-13", versioned(applied("m-13", null, RULE), 1)),
                        record("m-13", lifted("m-13", 2))));
        assertThat(replayed.activeFilters()).isZero();
    }

    private static MeasureApplied versioned(MeasureApplied a, long version) {
        return new MeasureApplied(
                a.eventId(),
                a.occurredAt(),
                a.caseId(),
                a.actor(),
                a.measureId(),
                a.type(),
                a.targetUrl(),
                a.rule(),
                a.fileSha256(),
                version);
    }

    private static MeasureLifted lifted(String measureId, long version) {
        return new MeasureLifted(UUID.randomUUID(), Instant.now(), "case-1", "senior", measureId, "appeal", version);
    }

    @Test
    void aReuploadBlockCarriesTheModelNameAndWhatItsProfileAnswersForSimilarUploads() throws Exception {
        feed.on(List.of(record(
                "m-20",
                new MeasureApplied(
                        UUID.randomUUID(),
                        Instant.now(),
                        "case-cn",
                        "mod",
                        "m-20",
                        "BLOCK_REUPLOAD",
                        null,
                        null,
                        "A".repeat(64),
                        1L,
                        null,
                        "Ultraman Tiga LoRA",
                        SimilarUploads.BLOCK))));

        FileVerdict same = screening.checkFile("a".repeat(64), null);
        assertThat(same.decision()).isEqualTo(Decision.BLOCK);
        assertThat(same.reason()).isEqualTo(FileVerdict.Reason.SAME_FILE);
        FileVerdict similar = screening.checkFile("b".repeat(64), "ultraman-tiga-lora-v2");
        assertThat(similar.decision()).isEqualTo(Decision.BLOCK);
        assertThat(similar.reason()).isEqualTo(FileVerdict.Reason.SIMILAR_TO_BLOCKED);
    }

    @Test
    void anUnknownAnswerForSimilarUploadsIsDeadLettered() throws Exception {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                Topics.MEASURES,
                0,
                offset++,
                "m-21",
                "{\"measureId\":\"m-21\",\"fileSha256\":\"" + "a".repeat(64) + "\",\"similarUploads\":\"MAYBE\"}");

        assertThatThrownBy(() -> feed.on(List.of(record)))
                .isInstanceOf(BatchListenerFailedException.class)
                .hasMessageContaining("similarUploads");
        assertThat(screening.checkFile("a".repeat(64), null).decision()).isEqualTo(Decision.ALLOW);
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
