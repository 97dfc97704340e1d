package dev.takedown.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.ScreeningRule;
import dev.takedown.screening.internal.EventPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Blocks counted and sampled to the ledger; replay suites after every index change. */
class ScreeningEvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final List<ScreeningEvents.Event> sent = new CopyOnWriteArrayList<>();
    private final ManualClock clock = new ManualClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Screening screening = new Screening(
            new ScreeningIndex(),
            new Screening.Options(31, Screening.DEFAULT_MAX_PIXELS, 10, "node-a", clock),
            sent::add,
            meters);

    @AfterEach
    void close() {
        screening.close();
    }

    private static ScreeningRule rule(List<String> replay) {
        return new ScreeningRule(
                "奥特曼 Ultraman",
                List.of("Ultraman", "迪迦"),
                List.of(new ScreeningRule.Combination(List.of("giant", "red and silver"), 2, 6)),
                List.of("lic"),
                List.of(),
                replay);
    }

    private List<JsonNode> bodies(String type) throws Exception {
        assertThat(screening.flushEvents(5_000)).isTrue();
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (ScreeningEvents.Event e : sent) {
            if (e.type().equals(type)) {
                bodies.add(JSON.readTree(e.body()));
            }
        }
        return bodies;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void everyBlockIsCountedAndTheFirstPerMinutePlusOneInNAreSampledWithoutThePromptText() throws Exception {
        screening.apply("m-1", "case-1", rule(List.of()));
        for (int i = 0; i < 25; i++) {
            assertThat(screening
                            .checkPrompt("draw Ultraman number " + i, "acct")
                            .decision())
                    .isEqualTo(Decision.BLOCK);
        }
        assertThat(screening.checkPrompt("a giant in red and silver", "acct").decision())
                .isEqualTo(Decision.REVIEW);
        assertThat(screening.checkPrompt("a cat", "acct").decision()).isEqualTo(Decision.ALLOW);
        assertThat(screening.checkPrompt("draw Ultraman", "lic").decision()).isEqualTo(Decision.ALLOW);

        assertThat(screening.blockCounts()).containsOnlyKeys("m-1");
        BlockCount count = screening.blockCounts().get("m-1");
        assertThat(count.blocked()).isEqualTo(25);
        assertThat(count.reviewed()).isEqualTo(1);
        // the 1st (first this minute), 10th and 20th of 26
        assertThat(count.sampled()).isEqualTo(3);
        List<JsonNode> blocked = bodies(ScreeningEvents.BLOCKED);
        assertThat(blocked).hasSize(3);
        JsonNode first = blocked.get(0);
        assertThat(first.get("measureIds").get(0).asText()).isEqualTo("m-1");
        assertThat(first.get("caseId").asText()).isEqualTo("case-1");
        assertThat(first.get("actor").asText()).isEqualTo("system");
        assertThat(first.get("node").asText()).isEqualTo("node-a");
        assertThat(first.get("decision").asText()).isEqualTo("BLOCK");
        assertThat(first.get("promptSha256").asText())
                .isEqualTo(EventPublisher.sha256("draw Ultraman number 0"))
                .hasSize(64);
        assertThat(first.get("occurredAt").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(first.hasNonNull("eventId")).isTrue();
        for (ScreeningEvents.Event event : sent) {
            assertThat(new String(event.body(), StandardCharsets.UTF_8)).doesNotContain("Ultraman number");
            assertThat(event.subject()).isEqualTo("m-1");
            assertThat(event.key()).isEqualTo("case-1");
        }

        clock.now = clock.now.plusSeconds(60);
        screening.checkPrompt("Ultraman again", null);
        assertThat(screening.blockCounts().get("m-1").sampled())
                .as("first block of the next minute")
                .isEqualTo(4);

        assertThat(meters.get("takedown.screening.verdicts")
                        .tag("decision", "BLOCK")
                        .tag("check", "prompt")
                        .counter()
                        .count())
                .isEqualTo(26);
        assertThat(meters.get("takedown.screening.verdicts")
                        .tag("decision", "REVIEW")
                        .tag("check", "prompt")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("takedown.screening.verdicts")
                        .tag("decision", "ALLOW")
                        .tag("check", "prompt")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aFailingSinkNeverFailsTheVerdict() {
        screening.close();
        screening = new Screening(
                new ScreeningIndex(),
                Screening.Options.defaults().withSampleEvery(1),
                event -> {
                    throw new IllegalStateException("broker down");
                },
                null);
        screening.apply("m-1", "case-1", rule(List.of()));
        for (int i = 0; i < 50; i++) {
            assertThat(screening.checkPrompt("Ultraman " + i, null).decision()).isEqualTo(Decision.BLOCK);
        }
        assertThat(screening.flushEvents(5_000)).isTrue();
        assertThat(screening.blockCounts().get("m-1").sampled()).isEqualTo(50);
    }

    @Test
    void imageBlocksAreCountedToo() throws Exception {
        String bridge = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22";
        screening.apply(
                "m-img",
                "case-9",
                new ScreeningRule("bridge", List.of(), List.of(), List.of(), List.of(bridge), List.of()));
        assertThat(screening.checkImage(PdqHash.fromHex(bridge), null).decision())
                .isEqualTo(Decision.BLOCK);
        assertThat(screening.blockCounts().get("m-img").blocked()).isEqualTo(1);
        JsonNode event = bodies(ScreeningEvents.BLOCKED).get(0);
        assertThat(event.get("check").asText()).isEqualTo("image");
        assertThat(event.get("pdqHash").asText()).isEqualTo(bridge);
        assertThat(event.has("promptSha256")).isFalse();
    }

    @Test
    void replaySuitesRunAfterEachIndexChangeAndReportFailures() throws Exception {
        screening.apply(
                "m-1",
                "case-1",
                rule(List.of(
                        "an Ultraman poster", "迪迦 fighting a monster", "a giant in red and silver", "a cute cat")));
        await(() -> screening.replayResults().containsKey("m-1"));
        ReplayResult result = screening.replayResults().get("m-1");
        assertThat(result.passed()).isEqualTo(2);
        // REVIEW is not BLOCK, and the cat prompt was never blocked: both fail and must be remediated
        assertThat(result.failedPrompts()).containsExactly("a giant in red and silver", "a cute cat");
        assertThat(result.caseId()).isEqualTo("case-1");
        assertThat(result.at()).isEqualTo(clock.now);
        await(() -> {
            try {
                return !bodies(ScreeningEvents.REPLAY_COMPLETED).isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode event = bodies(ScreeningEvents.REPLAY_COMPLETED).get(0);
        assertThat(event.get("measureId").asText()).isEqualTo("m-1");
        assertThat(event.get("caseId").asText()).isEqualTo("case-1");
        assertThat(event.get("passed").asInt()).isEqualTo(2);
        assertThat(event.get("failed"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        EventPublisher.sha256("a giant in red and silver"), EventPublisher.sha256("a cute cat"));
        assertThat(event.get("at").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(new String(sent.get(sent.size() - 1).body(), StandardCharsets.UTF_8))
                .doesNotContain("cute cat");

        // the measure is re-applied with a fixed suite: the new version is replayed and reported
        screening.apply("m-1", "case-1", rule(List.of("an Ultraman poster")));
        await(() -> screening.replayResults().get("m-1").failedPrompts().isEmpty());
        assertThat(screening.replayResults().get("m-1").passed()).isEqualTo(1);

        // replay checks are not blocks of real requests
        assertThat(screening.blockCounts()).isEmpty();

        screening.lift("m-1");
        await(() -> screening.replayResults().isEmpty());
    }

    @Test
    void aBurstOfChangesCoalescesIntoFewRuns() throws Exception {
        // a long suite keeps the replay thread busy while the burst arrives
        List<String> longSuite = java.util.stream.IntStream.range(0, 50_000)
                .mapToObj(i -> "Ultraman no. " + i)
                .toList();
        screening.apply("m-long", "case-long", rule(longSuite));
        for (int i = 0; i < 200; i++) {
            screening.apply(
                    "m-" + i,
                    "case-" + i,
                    new ScreeningRule(
                            "w" + i,
                            List.of("term" + i + "x"),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of("draw term" + i + "x")));
        }
        await(() -> screening.replayResults().size() == 201);
        await(() -> screening.replayResults().values().stream().allMatch(ReplayResult::allPassed));
        assertThat(screening.replayRuns()).as("201 changes, far fewer runs").isLessThan(50);
        assertThat(screening.replayResults().get("m-long").passed()).isEqualTo(50_000);
    }
}
