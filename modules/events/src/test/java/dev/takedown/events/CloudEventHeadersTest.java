package dev.takedown.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void describesEventInBinaryMode() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        var event = new MeasureApplied(id, at, "case-1", "mod", "m-9", "DELETE", "https://x.test/a", null);

        var headers = CloudEventHeaders.of(event);

        assertThat(headers)
                .containsEntry("ce_id", id.toString())
                .containsEntry("ce_type", "dev.takedown.measure.applied.v1")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_time", "2026-01-02T03:04:05Z")
                .containsEntry("ce_subject", "case-1");
        assertThat(event.key()).as("measures topic is keyed by measure id").isEqualTo("m-9");
        assertThat(event.eventType().topic()).isEqualTo(Topics.MEASURES);
    }

    @Test
    void noticeEventsAreKeyedByCase() {
        var event = new TaskClaimed(UUID.randomUUID(), Instant.now(), "case-7", "mod", "t-1");
        assertThat(event.key()).isEqualTo("case-7");
        assertThat(event.eventType().topic()).isEqualTo(Topics.TASKS);
    }
}
