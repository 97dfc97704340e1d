package dev.takedown.screening;

import dev.takedown.events.ScreeningRule;
import dev.takedown.events.SimilarUploads;
import dev.takedown.screening.ImageVerdict.ImageMatch;
import dev.takedown.screening.internal.CompiledMeasure;
import dev.takedown.screening.internal.EventPublisher;
import dev.takedown.screening.internal.ImageDecoder;
import dev.takedown.screening.internal.KafkaEventSink;
import dev.takedown.screening.internal.Normaliser;
import dev.takedown.screening.internal.PdqHasher;
import dev.takedown.screening.internal.PromptIndex;
import dev.takedown.screening.internal.ReplayRunner;
import dev.takedown.screening.internal.SegmentedIndex;
import dev.takedown.screening.internal.VerdictRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks generation prompts and images against every active filter measure, from memory. Readers use an immutable
 * snapshot of the indexes; a change (one measure or a batch from Kafka) builds a new snapshot and swaps it in, so
 * checks never wait for a rebuild and never see half of one. A batch of new measures is added as a segment of its own
 * ({@link SegmentedIndex}), which costs the batch's size, not all active measures'; a background compaction folds
 * the segments back into one once changes pause.
 *
 * <p>Every BLOCK/REVIEW is counted per measure ({@link #blockCounts()}, Micrometer {@code takedown.screening.verdicts})
 * and sampled to the audit ledger as a {@link ScreeningEvents#BLOCKED} event. After every index change the filter
 * measures' replay suites run in the background ({@link #replayResults()}, {@link ScreeningEvents#REPLAY_COMPLETED}).
 */
@Component
public class Screening {

    /** The usual PDQ match threshold (Meta's recommendation). */
    public static final int DEFAULT_IMAGE_DISTANCE = 31;
    /** 10 000 × 4 000 pixels; larger uploads are refused before decoding. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    /** Default of {@code takedown.screening.sample-every}: besides the first per minute, 1 in N blocks is sampled. */
    public static final int DEFAULT_SAMPLE_EVERY = 100;

    /**
     * Settings, each a {@code takedown.screening.*} property.
     *
     * @param imageDistance  {@code image-distance}, default 31
     * @param maxImagePixels {@code max-image-pixels}, default 40 000 000
     * @param sampleEvery    {@code sample-every}, default 100
     * @param nodeId         {@code node-id}, default host name + random suffix
     */
    public record Options(int imageDistance, long maxImagePixels, int sampleEvery, String nodeId, Clock clock) {

        public static Options defaults() {
            return new Options(
                    DEFAULT_IMAGE_DISTANCE, DEFAULT_MAX_PIXELS, DEFAULT_SAMPLE_EVERY, null, Clock.systemUTC());
        }

        public Options withSampleEvery(int sampleEvery) {
            return new Options(imageDistance, maxImagePixels, sampleEvery, nodeId, clock);
        }
    }

    private final ScreeningIndex urls;
    /** Re-upload blocks keyed by file hash; the same structure as the URL index, keyed differently. */
    private final ScreeningIndex files = new ScreeningIndex();

    private final Normaliser normaliser = new Normaliser();
    private final PdqHasher hasher = new PdqHasher();
    private final ImageDecoder decoder;
    /** Written only under {@code this} lock by the single rebuilding writer. */
    private final Map<String, CompiledMeasure> measures = new HashMap<>();

    private final AtomicReference<SegmentedIndex> snapshot;
    /** Compaction waits for this long without a change: a burst is folded once, after it, not after every batch. */
    private static final long COMPACT_AFTER_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "screening-compaction");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean compactionQueued = new AtomicBoolean();
    private volatile long lastChange = System.nanoTime();
    /** Segments at the front of the index that the running compaction folds; guarded by {@code this}. */
    private int compacting;

    private final EventPublisher events;
    private final VerdictRecorder recorder;
    private final ReplayRunner replay;

    @Autowired
    @SuppressWarnings("unchecked")
    public Screening(
            ScreeningIndex urls,
            @Value("${takedown.screening.image-distance:31}") int imageDistance,
            @Value("${takedown.screening.max-image-pixels:40000000}") long maxPixels,
            @Value("${takedown.screening.sample-every:100}") int sampleEvery,
            @Value("${takedown.screening.node-id:}") String nodeId,
            ObjectProvider<KafkaTemplate<?, ?>> kafka,
            ObjectProvider<MeterRegistry> meters) {
        this(
                urls,
                new Options(imageDistance, maxPixels, sampleEvery, nodeId, Clock.systemUTC()),
                kafka.getIfUnique() == null
                        ? ScreeningEvents.Sink.NONE
                        : new KafkaEventSink((KafkaOperations<String, byte[]>) kafka.getIfUnique()),
                meters.getIfUnique());
    }

    /** {@code meters} may be null (no Micrometer counter then). */
    public Screening(ScreeningIndex urls, Options options, ScreeningEvents.Sink sink, MeterRegistry meters) {
        this.urls = urls;
        this.decoder = new ImageDecoder(options.maxImagePixels());
        this.snapshot = new AtomicReference<>(SegmentedIndex.empty(options.imageDistance()));
        this.events = new EventPublisher(sink, nodeId(options.nodeId()), 10_000);
        this.recorder = new VerdictRecorder(options.sampleEvery(), options.clock(), events, meters);
        this.replay = new ReplayRunner(snapshot::get, normaliser, events, options.clock());
    }

    public Screening() {
        this(new ScreeningIndex(), Options.defaults(), ScreeningEvents.Sink.NONE, null);
    }

    private static String nodeId(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) {
            host = "screening";
        }
        return host + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    }

    /** This node's id in screening events. */
    public String nodeId() {
        return events.node();
    }

    /** BLOCK/REVIEW verdicts per measure id on this node since start. */
    public Map<String, BlockCount> blockCounts() {
        return recorder.counts();
    }

    /** The latest replay-suite result per active filter measure that has a suite. */
    public Map<String, ReplayResult> replayResults() {
        return replay.results();
    }

    /**
     * Runs the replay suites again although the index did not change, e.g. after a model owner says the model
     * changed; returns at once, the result arrives in {@link #replayResults()}.
     */
    public void replayNow() {
        replay.indexChanged();
    }

    /** Completed replay runs (one per coalesced burst of index changes); for tests and health checks. */
    public long replayRuns() {
        return replay.runs();
    }

    /** Waits up to {@code millis} for queued screening events to reach the sink; for tests and shutdown. */
    public boolean flushEvents(long millis) {
        return events.flush(millis);
    }

    @PreDestroy
    public void close() {
        compactor.shutdownNow();
        replay.close();
        events.close();
    }

    public ScreeningIndex urls() {
        return urls;
    }

    /** The measures refusing a file by its SHA-256 (lower-case hex), if any. */
    public Optional<Set<String>> checkFile(String sha256) {
        return files.check(sha256.toLowerCase(Locale.ROOT));
    }

    /**
     * An upload: BLOCK for the blocked file itself; for another file whose {@code name} (the model's name or file
     * name the uploader gave, may be null) contains a blocked model's name tokens, what that block's profile says
     * (BLOCK if any matching block says so, else REVIEW). Names are matched as prompts are (same normaliser and word
     * rules), so case, width, separators such as {@code _-.} and confusable letters do not hide a copy.
     */
    public FileVerdict checkFile(String sha256, String name) {
        String hash = sha256.toLowerCase(Locale.ROOT);
        List<String> same =
                files.check(hash).map(ids -> ids.stream().sorted().toList()).orElse(List.of());
        FileNames named = fileNames;
        if (!same.isEmpty()) {
            FileVerdict verdict = new FileVerdict(hash, Decision.BLOCK, FileVerdict.Reason.SAME_FILE, same);
            recorder.recordFile(verdict, same.stream().map(named::caseOf).toList());
            return verdict;
        }
        List<CompiledMeasure> similar =
                name == null || name.isBlank() || named.index().measureCount() == 0
                        ? List.of()
                        : named.index().check(name, normaliser.scratch(name), null).matched().stream()
                                .sorted(Comparator.comparing(CompiledMeasure::measureId))
                                .toList();
        if (similar.isEmpty()) {
            FileVerdict verdict = new FileVerdict(hash, Decision.ALLOW, null, List.of());
            recorder.recordFile(verdict, List.of());
            return verdict;
        }
        Decision decision =
                similar.stream().anyMatch(m -> named.similarUploads().get(m.measureId()) == SimilarUploads.BLOCK)
                        ? Decision.BLOCK
                        : Decision.REVIEW;
        FileVerdict verdict = new FileVerdict(
                hash,
                decision,
                FileVerdict.Reason.SIMILAR_TO_BLOCKED,
                similar.stream().map(CompiledMeasure::measureId).toList());
        recorder.recordFile(
                verdict, similar.stream().map(CompiledMeasure::caseId).toList());
        return verdict;
    }

    /**
     * The blocked models' names as one term index, with each block's case and answer for similar uploads. Rebuilt
     * whole on every change of a re-upload block: they are few next to the filters, and a check reads one snapshot.
     */
    private record FileNames(
            PromptIndex index, Map<String, String> caseIds, Map<String, SimilarUploads> similarUploads) {

        static final FileNames EMPTY = new FileNames(new PromptIndex(List.of()), Map.of(), Map.of());

        String caseOf(String measureId) {
            return caseIds.get(measureId);
        }
    }

    /** Re-upload blocks by measure id; written only under {@code this} lock. */
    private final Map<String, MeasureChange.BlockFile> fileBlocks = new HashMap<>();

    private volatile FileNames fileNames = FileNames.EMPTY;

    private void rebuildFileNames() {
        List<CompiledMeasure> names = new ArrayList<>();
        Map<String, String> caseIds = new HashMap<>();
        Map<String, SimilarUploads> answers = new HashMap<>();
        for (MeasureChange.BlockFile block : fileBlocks.values()) {
            if (block.caseId() != null) {
                caseIds.put(block.measureId(), block.caseId());
            }
            answers.put(
                    block.measureId(), block.similarUploads() == null ? SimilarUploads.REVIEW : block.similarUploads());
            if (block.modelName() != null && !block.modelName().isBlank()) {
                CompiledMeasure name = CompiledMeasure.compile(
                        block.measureId(),
                        block.caseId(),
                        new ScreeningRule(block.modelName(), List.of(block.modelName()), null, null, null, null),
                        normaliser);
                if (!name.terms().isEmpty()) {
                    names.add(name);
                }
            }
        }
        fileNames = new FileNames(new PromptIndex(names), Map.copyOf(caseIds), Map.copyOf(answers));
    }

    public void apply(String measureId, String caseId, ScreeningRule rule) {
        update(List.of(new MeasureChange.Apply(measureId, caseId, rule)));
    }

    public void lift(String measureId) {
        update(List.of(new MeasureChange.Lift(measureId)));
    }

    /**
     * Applies the changes in order and publishes one new snapshot for all of them. Normalisation runs before the
     * lock; the lock only serialises writers (readers never take it). An invalid rule throws before anything changes.
     */
    public void update(List<? extends MeasureChange> changes) {
        // a batch being compiled counts as a change: compaction and replay wait for it rather than compete for the
        // CPU with it (a 2 000-record batch of a burst takes longer than either's quiet period)
        lastChange = System.nanoTime();
        replay.changeStarting();
        Map<String, CompiledMeasure> compiled = new HashMap<>();
        for (MeasureChange change : changes) {
            if (change instanceof MeasureChange.Apply apply) {
                compiled.put(
                        apply.measureId(),
                        CompiledMeasure.compile(apply.measureId(), apply.caseId(), apply.rule(), normaliser));
            }
        }
        synchronized (this) {
            boolean filesChanged = false;
            Set<String> removed = new HashSet<>();
            Map<String, CompiledMeasure> added = new LinkedHashMap<>();
            for (MeasureChange change : changes) {
                if (change instanceof MeasureChange.Apply apply) {
                    CompiledMeasure measure = compiled.get(apply.measureId());
                    if (measures.put(apply.measureId(), measure) != null) {
                        removed.add(apply.measureId());
                    }
                    added.put(apply.measureId(), measure);
                } else if (change instanceof MeasureChange.BlockUrl block) {
                    urls.block(block.targetUrl(), block.measureId());
                } else if (change instanceof MeasureChange.BlockFile block) {
                    files.block(block.sha256(), block.measureId());
                    fileBlocks.put(block.measureId(), block);
                    filesChanged = true;
                } else {
                    urls.unblock(change.measureId());
                    files.unblock(change.measureId());
                    filesChanged |= fileBlocks.remove(change.measureId()) != null;
                    if (measures.remove(change.measureId()) != null) {
                        removed.add(change.measureId());
                        added.remove(change.measureId());
                    }
                }
            }
            if (filesChanged) {
                rebuildFileNames();
            }
            if (!removed.isEmpty() || !added.isEmpty()) {
                snapshot.set(snapshot.get().with(removed, List.copyOf(added.values()), compacting));
                lastChange = System.nanoTime();
                replay.indexChanged();
                compactLater(COMPACT_AFTER_QUIET_NANOS);
            }
        }
    }

    private void compactLater(long delayNanos) {
        if (snapshot.get().segments().size() > 1 && compactionQueued.compareAndSet(false, true)) {
            try {
                compactor.schedule(this::compact, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RuntimeException shutDown) {
                compactionQueued.set(false);
            }
        }
    }

    /** Merges the segments outside the lock; swaps the result in unless a change since rebuilt one of them. */
    private void compact() {
        compactionQueued.set(false);
        long quietFor = System.nanoTime() - lastChange;
        if (quietFor < COMPACT_AFTER_QUIET_NANOS) {
            compactLater(COMPACT_AFTER_QUIET_NANOS - quietFor);
            return;
        }
        SegmentedIndex base;
        synchronized (this) {
            base = snapshot.get();
            compacting = base.segments().size();
        }
        if (base.segments().size() > 1) {
            SegmentedIndex.Segment merged = base.compacted();
            synchronized (this) {
                SegmentedIndex next = snapshot.get().replacing(base, merged);
                if (next != null) {
                    snapshot.set(next);
                }
                compacting = 0;
            }
        }
        compactLater(0);
    }

    /** Number of filter measures in the current snapshot. */
    public int activeFilters() {
        return snapshot.get().measureCount();
    }

    /** Index segments a check scans now: 1 once the background compaction has caught up. */
    public int indexSegments() {
        return snapshot.get().segments().size();
    }

    public PromptVerdict checkPrompt(String prompt, String accountId) {
        PromptIndex.Result result = snapshot.get().check(prompt, normaliser.scratch(prompt), accountId);
        if (result.decision() == Decision.ALLOW) {
            recorder.record(Decision.ALLOW, List.of(), List.of(), prompt, null);
            return new PromptVerdict(Decision.ALLOW, List.of(), result.spans(), result.licensed(), null);
        }
        List<CompiledMeasure> matched = result.matched().stream()
                .sorted(Comparator.comparing(CompiledMeasure::measureId))
                .toList();
        List<String> ids = matched.stream().map(CompiledMeasure::measureId).toList();
        recorder.record(
                result.decision(),
                ids,
                matched.stream().map(CompiledMeasure::caseId).toList(),
                prompt,
                null);
        return new PromptVerdict(
                result.decision(),
                ids,
                result.spans(),
                result.licensed(),
                warning(result.decision(), result.matched()));
    }

    /**
     * The texts of {@code texts} that a filter of this one term would block, matched exactly as {@link #checkPrompt}
     * matches prompts (same normaliser, same automaton, same word rules) but against nothing else: no active measure,
     * no licensee, no verdict counted or sampled. For weighing a candidate term before it joins a filter.
     */
    public List<String> blockedBy(String term, List<String> texts) {
        CompiledMeasure probe = CompiledMeasure.compile(
                "probe", null, new ScreeningRule(null, List.of(term), null, null, null, null), normaliser);
        if (probe.terms().isEmpty()) {
            return List.of();
        }
        PromptIndex index = new PromptIndex(List.of(probe));
        List<String> blocked = new ArrayList<>();
        for (String text : texts) {
            if (index.blocks(probe, text, normaliser.scratch(text))) {
                blocked.add(text);
            }
        }
        return blocked;
    }

    /** Decodes the image, hashes it with all eight dihedral variants and looks each up. */
    public ImageVerdict checkImage(byte[] imageBytes, String accountId) {
        PdqHasher.Result hashed = hasher.hash(decoder.decode(imageBytes));
        return imageVerdict(hashed.dihedral(), hashed.hash(), hashed.quality(), accountId);
    }

    /** Looks up a hash computed by the caller (its dihedral variants cannot be derived from the hash alone). */
    public ImageVerdict checkImage(PdqHash hash, String accountId) {
        return imageVerdict(List.of(hash), hash, null, accountId);
    }

    public PdqHasher.Result hash(byte[] imageBytes) {
        return hasher.hash(decoder.decode(imageBytes));
    }

    /** The PDQ hash a registered work keeps for a reference image (lookups add the dihedral variants). */
    public PdqHash referenceHash(byte[] imageBytes) {
        return hash(imageBytes).hash();
    }

    private ImageVerdict imageVerdict(List<PdqHash> queries, PdqHash hash, Integer quality, String accountId) {
        Map<CompiledMeasure, List<ImageMatch>> found = snapshot.get().find(queries);
        List<CompiledMeasure> blocking = new ArrayList<>();
        Set<String> licensed = new LinkedHashSet<>();
        List<ImageMatch> matches = new ArrayList<>();
        found.forEach((measure, hits) -> {
            if (accountId != null && measure.licensees().contains(accountId)) {
                licensed.add(measure.measureId());
            } else {
                blocking.add(measure);
                matches.addAll(hits);
            }
        });
        blocking.sort(Comparator.comparing(CompiledMeasure::measureId));
        matches.sort(Comparator.comparingInt(ImageMatch::distance).thenComparing(ImageMatch::measureId));
        Decision decision = blocking.isEmpty() ? Decision.ALLOW : Decision.BLOCK;
        recorder.record(
                decision,
                blocking.stream().map(CompiledMeasure::measureId).toList(),
                blocking.stream().map(CompiledMeasure::caseId).toList(),
                null,
                hash.toHex());
        return new ImageVerdict(
                decision,
                blocking.stream().map(CompiledMeasure::measureId).toList(),
                matches,
                hash.toHex(),
                quality,
                licensed.stream().sorted().toList(),
                warning(decision, blocking));
    }

    /**
     * Warnings naming one work, per decision and title: composing one costs streams and two long strings on every
     * block, in front of every generation request. Bounded; titles come from measures, not from users.
     */
    private final Map<Decision, Map<String, String>> warnings =
            Map.of(Decision.BLOCK, new ConcurrentHashMap<>(), Decision.REVIEW, new ConcurrentHashMap<>());

    private String warning(Decision decision, List<CompiledMeasure> matched) {
        if (decision == Decision.ALLOW) {
            return null;
        }
        if (matched.size() == 1) {
            Map<String, String> cache = warnings.get(decision);
            String title = matched.get(0).workTitle();
            String cached = cache.get(title);
            if (cached == null) {
                cached = composeWarning(decision, matched);
                if (cache.size() < 10_000) {
                    cache.put(title, cached);
                }
            }
            return cached;
        }
        return composeWarning(decision, matched);
    }

    private static String composeWarning(Decision decision, List<CompiledMeasure> matched) {
        String titles = matched.stream()
                .map(CompiledMeasure::workTitle)
                .distinct()
                .sorted()
                .collect(Collectors.joining("、"));
        String titlesEn = matched.stream()
                .map(CompiledMeasure::workTitle)
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
        if (decision == Decision.REVIEW) {
            return "风险提示：您的请求可能涉及受保护的作品《" + titles + "》，已转人工审核，审核通过前不会生成。"
                    + " Risk warning: your request may involve the protected work \"" + titlesEn
                    + "\"; it has been held for human review and will not be generated until it is cleared.";
        }
        return "风险提示：您的请求涉及受保护的作品《" + titles + "》，依据权利人通知及相关法院裁判，平台不能生成该内容。"
                + " Risk warning: your request involves the protected work \"" + titlesEn
                + "\"; under a rights holder's notice and the related court ruling, it cannot be generated.";
    }
}
