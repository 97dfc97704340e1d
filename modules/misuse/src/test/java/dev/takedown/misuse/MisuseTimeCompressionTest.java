package dev.takedown.misuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.takedown.misuse.internal.Ladder.Finding;
import dev.takedown.misuse.internal.StandingLedger;
import dev.takedown.misuse.internal.StandingLedger.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Demo time compression shortens a suspension by its factor, as it does every other period of the demo. */
class MisuseTimeCompressionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aThirtyDaySuspensionLastsTwoMinutesUnderTheLocalCompression() {
        Party notifier = Party.notifier("org-a");
        StandingLedger ledger = mock(StandingLedger.class);
        when(ledger.record(eq(notifier), any(), any(), anyInt(), anyBoolean(), any()))
                .thenReturn(true);
        when(ledger.find(notifier))
                .thenReturn(Optional.of(new Row(
                        notifier,
                        StandingStatus.WARNED,
                        NOW.minus(Duration.ofDays(1)),
                        null,
                        "c-0",
                        UUID.randomUUID().toString(),
                        0)));
        when(ledger.lastStep(notifier)).thenReturn(Optional.of(NOW.minus(Duration.ofDays(1))));
        when(ledger.findingsAfter(eq(notifier), any()))
                .thenReturn(List.of(
                        new Finding(1, false, NOW.minusSeconds(7200)),
                        new Finding(1, false, NOW.minusSeconds(3600)),
                        new Finding(1, false, NOW)));
        when(ledger.activityAfter(eq(notifier), any())).thenReturn(3);
        List<Object> published = new ArrayList<>();
        Misuse misuse = new Misuse(
                ledger,
                new MisusePolicy(null, null, null, null, null, Duration.ofDays(30), null, null),
                new StrikeLadder(null, null, null, null, null, null, null),
                published::add,
                Clock.fixed(NOW, ZoneOffset.UTC),
                21600);

        StandingChange suspension =
                misuse.recordMisuse(notifier, "c-1", 1, false).orElseThrow();

        assertThat(suspension.change()).isEqualTo(StandingChangeKind.SUSPENDED);
        assertThat(suspension.until()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(published).hasSize(1);
    }
}
