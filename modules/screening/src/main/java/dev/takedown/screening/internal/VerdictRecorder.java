package dev.takedown.screening.internal;

import dev.takedown.screening.BlockCount;
import dev.takedown.screening.Decision;
import dev.takedown.screening.FileVerdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts verdicts and picks the ones sampled to the audit ledger. Per measure: every BLOCK and REVIEW is counted; the
 * first one in each clock minute and every {@code sampleEvery}-th one are sampled (published as a
 * {@code screening.blocked} event by {@link EventPublisher}). The Micrometer counter {@value #METER} counts every
 * verdict, tagged {@code decision} and {@code check} (prompt / image / file). Lock-free; an ALLOW costs one counter bump.
 */
public final class VerdictRecorder {

    public static final String METER = "takedown.screening.verdicts";

    private static final class Tally {
        final LongAdder blocked = new LongAdder();
        final LongAdder reviewed = new LongAdder();
        final AtomicLong seen = new AtomicLong();
        final AtomicLong sampled = new AtomicLong();
        final AtomicLong sampledMinute = new AtomicLong(Long.MIN_VALUE);
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final int sampleEvery;
    private final Clock clock;
    private final EventPublisher events;
    private final Map<Decision, Counter> promptMeters;
    private final Map<Decision, Counter> imageMeters;
    private final Map<Decision, Counter> fileMeters;

    public VerdictRecorder(int sampleEvery, Clock clock, EventPublisher events, MeterRegistry meters) {
        if (sampleEvery < 1) {
            throw new IllegalArgumentException("takedown.screening.sample-every must be at least 1");
        }
        this.sampleEvery = sampleEvery;
        this.clock = clock;
        this.events = events;
        this.promptMeters = meters == null ? null : counters(meters, "prompt");
        this.imageMeters = meters == null ? null : counters(meters, "image");
        this.fileMeters = meters == null ? null : counters(meters, "file");
    }

    private static Map<Decision, Counter> counters(MeterRegistry meters, String check) {
        Map<Decision, Counter> counters = new EnumMap<>(Decision.class);
        for (Decision decision : Decision.values()) {
            counters.put(
                    decision,
                    Counter.builder(METER)
                            .description("Screening verdicts on this node")
                            .tag("decision", decision.name())
                            .tag("check", check)
                            .register(meters));
        }
        return counters;
    }

    /**
     * Records a verdict. {@code measures} are the measures it names (empty on ALLOW), with their case ids.
     * Exactly one of {@code prompt} and {@code pdqHash} is given.
     */
    public void record(
            Decision decision, List<String> measureIds, List<String> caseIds, String prompt, String pdqHash) {
        Map<Decision, Counter> meters = prompt != null ? promptMeters : imageMeters;
        if (meters != null) {
            meters.get(decision).increment();
        }
        if (decision != Decision.ALLOW) {
            sample(
                    decision,
                    measureIds,
                    (i, at) -> events.blocked(
                            measureIds.get(i), caseIds.get(i), measureIds, decision, prompt, pdqHash, at));
        }
    }

    /** Records an upload's verdict; {@code caseIds} in the order of its measure ids. */
    public void recordFile(FileVerdict verdict, List<String> caseIds) {
        if (fileMeters != null) {
            fileMeters.get(verdict.decision()).increment();
        }
        if (verdict.decision() != Decision.ALLOW) {
            List<String> ids = verdict.measureIds();
            sample(verdict.decision(), ids, (i, at) -> events.fileBlocked(ids.get(i), caseIds.get(i), verdict, at));
        }
    }

    /** Publishes the sampled verdict about the {@code i}-th measure. */
    @FunctionalInterface
    private interface Publish {
        void sampled(int i, Instant at);
    }

    private void sample(Decision decision, List<String> measureIds, Publish publish) {
        Instant now = null;
        for (int i = 0; i < measureIds.size(); i++) {
            String measureId = measureIds.get(i);
            Tally tally = tallies.computeIfAbsent(measureId, id -> new Tally());
            (decision == Decision.BLOCK ? tally.blocked : tally.reviewed).increment();
            long n = tally.seen.incrementAndGet();
            if (now == null) {
                now = clock.instant();
            }
            long minute = now.getEpochSecond() / 60;
            long last = tally.sampledMinute.get();
            boolean firstThisMinute = last != minute && tally.sampledMinute.compareAndSet(last, minute);
            if (firstThisMinute || n % sampleEvery == 0) {
                tally.sampled.incrementAndGet();
                publish.sampled(i, now);
            }
        }
    }

    /** Per measure id, sorted. */
    public Map<String, BlockCount> counts() {
        Map<String, BlockCount> counts = new TreeMap<>();
        tallies.forEach((id, t) -> counts.put(id, new BlockCount(t.blocked.sum(), t.reviewed.sum(), t.sampled.get())));
        return counts;
    }
}
