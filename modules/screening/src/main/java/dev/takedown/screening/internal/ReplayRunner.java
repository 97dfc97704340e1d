package dev.takedown.screening.internal;

import dev.takedown.screening.ReplayResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every filter measure's replay suite against the current prompt index after each index change, on one
 * background thread. Bursts coalesce: a run starts once changes pause for {@link #QUIET_MILLIS} (or at the latest
 * {@link #MAX_DELAY_MILLIS} after the first change it covers), a change during a run queues exactly one more, and
 * each run reads the newest snapshot. Every run replays every suite, so a burst of 10 000 measures costs a few runs,
 * not one per batch. The latest result per active measure is kept; a
 * {@code replay-completed} event is published the first time a measure version is replayed and whenever its outcome
 * changes, so that an unchanged index does not flood the ledger.
 */
public final class ReplayRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);

    private final Supplier<SegmentedIndex> index;
    private final Normaliser normaliser;
    private final EventPublisher events;
    private final Clock clock;
    static final long QUIET_MILLIS = 200;
    static final long MAX_DELAY_MILLIS = 2_000;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "screening-replay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile long lastChange;
    private volatile long firstChange;
    private final AtomicLong runs = new AtomicLong();
    private final Map<String, ReplayResult> results = new ConcurrentHashMap<>();
    /** Only touched by the replay thread: which compiled version each result belongs to. */
    private final Map<String, CompiledMeasure> replayedVersion = new ConcurrentHashMap<>();

    public ReplayRunner(Supplier<SegmentedIndex> index, Normaliser normaliser, EventPublisher events, Clock clock) {
        this.index = index;
        this.normaliser = normaliser;
        this.events = events;
        this.clock = clock;
    }

    /** Called after every snapshot swap; returns at once. */
    public void indexChanged() {
        long now = System.nanoTime();
        lastChange = now;
        if (queued.compareAndSet(false, true)) {
            firstChange = now;
            schedule(TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
        }
    }

    /** A change is being prepared: a queued run waits for it (still at most {@link #MAX_DELAY_MILLIS}). */
    public void changeStarting() {
        lastChange = System.nanoTime();
    }

    private void schedule(long delayNanos) {
        try {
            executor.schedule(this::runWhenQuiet, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException shutDown) {
            queued.set(false);
        }
    }

    private void runWhenQuiet() {
        long due = Math.min(
                lastChange + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS),
                firstChange + TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MILLIS));
        long wait = due - System.nanoTime();
        if (wait > 0) {
            schedule(wait);
        } else {
            run();
        }
    }

    /** Completed runs since start (each may cover a burst of changes). */
    public long runs() {
        return runs.get();
    }

    /** Latest result per active measure with a replay suite, sorted by measure id. */
    public Map<String, ReplayResult> results() {
        return new TreeMap<>(results);
    }

    private void run() {
        queued.set(false);
        try {
            SegmentedIndex current = index.get();
            Set<String> active = new HashSet<>();
            Map<CompiledMeasure, Boolean> seen = new IdentityHashMap<>();
            // A measure's verdict on a prompt follows from its own terms alone (the automaton reports every pattern's
            // every occurrence), so the one segment holding it decides: mid-burst, with up to eight segments, a
            // replay run that scanned all of them cost eight times the CPU, which the listeners need then.
            for (SegmentedIndex.Segment segment : current.segments()) {
                for (CompiledMeasure measure : segment.prompts().measures()) {
                    if (measure.replayPrompts().isEmpty() || seen.put(measure, true) != null) {
                        continue;
                    }
                    active.add(measure.measureId());
                    int passed = 0;
                    List<String> failed = new ArrayList<>();
                    for (String prompt : measure.replayPrompts()) {
                        if (segment.prompts().blocks(measure, prompt, normaliser.scratch(prompt))) {
                            passed++;
                        } else {
                            failed.add(prompt);
                        }
                    }
                    ReplayResult result = new ReplayResult(
                            measure.measureId(), measure.caseId(), passed, List.copyOf(failed), clock.instant());
                    ReplayResult previous = results.put(measure.measureId(), result);
                    CompiledMeasure previousVersion = replayedVersion.put(measure.measureId(), measure);
                    boolean changed = previous == null
                            || previousVersion != measure
                            || previous.passed() != passed
                            || !previous.failedPrompts().equals(result.failedPrompts());
                    if (changed) {
                        events.replayed(result);
                    }
                    if (!failed.isEmpty()) {
                        log.warn(
                                "Replay suite of measure {}: {} of {} prompts no longer blocked",
                                measure.measureId(),
                                failed.size(),
                                measure.replayPrompts().size());
                    }
                }
            }
            results.keySet().retainAll(active);
            replayedVersion.keySet().retainAll(active);
            runs.incrementAndGet();
        } catch (RuntimeException e) {
            log.error("Replay run failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
