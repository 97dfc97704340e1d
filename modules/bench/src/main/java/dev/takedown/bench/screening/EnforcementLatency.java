package dev.takedown.bench.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.bench.Args;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.Topics;
import dev.takedown.screening.Decision;
import dev.takedown.screening.PromptVerdict;
import dev.takedown.screening.Screening;
import dev.takedown.screening.ScreeningIndex;
import dev.takedown.screening.internal.KafkaEventSink;
import dev.takedown.screening.messaging.MeasureFeed;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.ByteArrayJsonMessageConverter;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Accept → enforced on two screening nodes against a raw Kafka round trip, in one run on one KRaft broker (issue 4).
 *
 * <p>A measure record is produced exactly as the app's outbox externalises it (Spring Modulith: topic
 * {@code takedown.measures}, key = measure id, CloudEvents headers, the event as JSON through
 * {@link ByteArrayJsonMessageConverter}, producer settings from {@code config/application.yml}). Each screening node is
 * the production path in this JVM: a batch listener container with the app's consumer settings and a consumer group of
 * its own feeding {@link MeasureFeed} → {@link Screening#update} → the snapshot {@link Screening#checkPrompt} reads.
 * A checker thread per node asks the node's {@code checkPrompt} for the measure's prompt until the verdict is BLOCK
 * naming the measure: enforced, not just consumed. The peer is the same record (same size and headers) produced to a
 * topic of the same configuration and read by two plain consumers with the same settings, each in its own group; its
 * round trip ends when both have received it. Samples alternate between the two, one record in flight at a time.
 *
 * <p>Then a burst: {@code --burst} measures produced as fast as possible, timed until both nodes enforce all of them,
 * and the same number of raw records until both raw consumers have all.
 *
 * <pre>
 * java -cp CLASSPATH dev.takedown.bench.screening.EnforcementLatency --base=1000 --samples=400 --burst=10000
 * </pre>
 */
public final class EnforcementLatency {

    static final String RAW_TOPIC = "bench.raw-measures";

    /** Results of a run; times in milliseconds. */
    public record Report(
            double enforcedP50,
            double enforcedP99,
            double rawP50,
            double rawP99,
            int samples,
            int burst,
            double burstEnforcedMillis,
            double burstRawMillis,
            List<Integer> enforcedPerNode) {

        String table() {
            return """
                    | measure | p50 ms | p99 ms |
                    |---|---|---|
                    | raw Kafka round trip (2 consumers) | %.2f | %.2f |
                    | accept → enforced on 2 screening nodes | %.2f | %.2f |
                    | difference (goal p99 ≤ 10 ms) | %.2f | %.2f |

                    burst of %d: enforced on every node after %.0f ms (goal ≤ 5000); raw records on both consumers \
                    after %.0f ms; enforced per node %s
                    """.formatted(
                            rawP50,
                            rawP99,
                            enforcedP50,
                            enforcedP99,
                            enforcedP50 - rawP50,
                            enforcedP99 - rawP99,
                            burst,
                            burstEnforcedMillis,
                            burstRawMillis,
                            enforcedPerNode);
        }
    }

    /** One screening node: the feed, the index and a checker that notes when each probe's prompt is refused. */
    private static final class Node implements AutoCloseable {
        private record Probe(String measureId, String prompt) {}

        final Screening screening;
        final ConcurrentMessageListenerContainer<String, String> container;
        final Map<String, Long> enforcedAt = new ConcurrentHashMap<>();
        /** When the listener got the record and when {@code MeasureFeed} returned: where the time goes. */
        final Map<String, long[]> fedAt = new ConcurrentHashMap<>();

        private final Queue<Probe> probes = new ConcurrentLinkedQueue<>();
        private final Thread checker;
        private volatile boolean stopped;

        Node(String name, Map<String, Object> consumer, KafkaTemplate<String, byte[]> events, ObjectMapper json) {
            screening = new Screening(
                    new ScreeningIndex(),
                    new Screening.Options(
                            Screening.DEFAULT_IMAGE_DISTANCE,
                            Screening.DEFAULT_MAX_PIXELS,
                            Screening.DEFAULT_SAMPLE_EVERY,
                            name,
                            Clock.systemUTC()),
                    new KafkaEventSink(events),
                    null);
            MeasureFeed feed = new MeasureFeed(screening, json);
            checker = new Thread(this::check, name + "-checker");
            checker.setDaemon(true);
            checker.start();
            container = container(Topics.MEASURES, "takedown-screening-" + UUID.randomUUID(), consumer, records -> {
                long[] times = {System.nanoTime(), 0};
                records.forEach(r -> fedAt.put(r.key(), times));
                feed.on(records);
                times[1] = System.nanoTime();
                LockSupport.unpark(checker);
            });
        }

        void expect(String measureId, String prompt) {
            probes.add(new Probe(measureId, prompt));
        }

        /**
         * Re-checks the pending probes when the listener has applied a batch (it wakes this thread once
         * {@code MeasureFeed} returns, i.e. after the snapshot swap) or the filter count changed, and while few are
         * pending at least every millisecond; in a burst only those whose record the listener has received, so that the checker does not
         * re-scan 10 000 prompts per batch. A checker that called {@code checkPrompt} on every 20 µs poll instead
         * (~110 µs apart with Linux timer slack) took a tenth of a core per node, CPU the listeners of this 2-core
         * machine need; this one sees the swap as soon as a poller would, at no cost.
         */
        private void check() {
            List<Probe> pending = new ArrayList<>();
            int seen = -1;
            long checked = 0;
            while (!stopped) {
                for (Probe p; (p = probes.poll()) != null; ) {
                    pending.add(p);
                }
                int filters = screening.activeFilters();
                long now = System.nanoTime();
                if (!pending.isEmpty() && (filters != seen || pending.size() <= 16 && now - checked > 1_000_000)) {
                    seen = filters;
                    checked = now;
                    pending.removeIf(p -> {
                        if (pending.size() > 16 && !fedAt.containsKey(p.measureId())) {
                            return false;
                        }
                        PromptVerdict verdict = screening.checkPrompt(p.prompt(), null);
                        if (verdict.decision() == Decision.BLOCK
                                && verdict.measureIds().contains(p.measureId())) {
                            enforcedAt.put(p.measureId(), System.nanoTime());
                            return true;
                        }
                        return false;
                    });
                }
                LockSupport.parkNanos(1_000_000);
            }
        }

        @Override
        public void close() {
            stopped = true;
            container.stop();
            screening.close();
        }
    }

    private EnforcementLatency() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.println("cores " + Runtime.getRuntime().availableProcessors());
        Report report = run(
                Integer.parseInt(a.getOrDefault("base", "1000")),
                Integer.parseInt(a.getOrDefault("warmup", "50")),
                Integer.parseInt(a.getOrDefault("samples", "400")),
                Duration.parse(a.getOrDefault("gap", "PT0.02S")),
                Integer.parseInt(a.getOrDefault("burst", "10000")));
        System.out.println(report.table());
    }

    /**
     * @param base    measures enforced before the timing starts (the index a new measure joins)
     * @param warmup  samples of each kind discarded first
     * @param samples timed samples of each kind
     * @param gap     pause between samples
     * @param burst   measures in the burst
     */
    public static Report run(int base, int warmup, int samples, Duration gap, int burst) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        KafkaProperties kafka = appKafkaProperties();
        kafka.setBootstrapServers(List.of(broker.getBrokersAsString()));
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            // as the app declares it (EventExternalization): 3 partitions, compacted; the raw peer's topic alike
            Map<String, String> compacted =
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            admin.createTopics(List.of(
                            new NewTopic(Topics.MEASURES, 3, (short) 1).configs(compacted),
                            new NewTopic(RAW_TOPIC, 3, (short) 1).configs(compacted),
                            new NewTopic(Topics.SCREENING_EVENTS, 3, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        ObjectMapper json = Jackson2ObjectMapperBuilder.json()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        KafkaTemplate<String, byte[]> template =
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(null)));
        template.setMessageConverter(new ByteArrayJsonMessageConverter(json));
        Map<String, Object> consumer = kafka.buildConsumerProperties(null);
        consumer.putAll(feedListenerProperties());

        List<Node> nodes = new ArrayList<>();
        List<Map<String, Long>> raw = new ArrayList<>();
        List<ConcurrentMessageListenerContainer<String, String>> rawConsumers = new ArrayList<>();
        try {
            for (int n = 1; n <= 2; n++) {
                nodes.add(new Node("bench-node-" + n, consumer, template, json));
                Map<String, Long> received = new ConcurrentHashMap<>();
                raw.add(received);
                rawConsumers.add(container(RAW_TOPIC, "bench-raw-" + n + "-" + UUID.randomUUID(), consumer, records -> {
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, String> r : records) {
                        received.put(r.key(), now);
                    }
                }));
            }
            Random random = new Random(42);
            int next = 0;
            for (; next < base; next++) {
                MeasureApplied event = measure(next, random);
                expect(nodes, event);
                send(template, Topics.MEASURES, event);
            }
            template.flush();
            await(
                    () -> nodes.stream().allMatch(n -> n.enforcedAt.size() >= base),
                    Duration.ofMinutes(3),
                    "base measures");
            System.out.printf("base of %d measures enforced on both nodes%n", base);

            long[] enforced = new long[samples];
            long[][] stages = new long[3][samples];
            long[] roundTrip = new long[samples];
            ThreadCpu cpu = null;
            for (int i = -warmup; i < samples; i++) {
                if (i == 0) {
                    cpu = new ThreadCpu();
                }
                MeasureApplied event = measure(next++, random);
                boolean rawFirst = (i & 1) == 0;
                long rawNanos = 0;
                if (rawFirst) {
                    rawNanos = rawRoundTrip(template, event, raw);
                }
                expect(nodes, event);
                long sent = System.nanoTime();
                send(template, Topics.MEASURES, event);
                String id = event.measureId();
                await(
                        () -> nodes.stream().allMatch(n -> n.enforcedAt.containsKey(id)),
                        Duration.ofSeconds(30),
                        "measure " + id);
                long enforcedNanos = nodes.stream()
                                .mapToLong(n -> n.enforcedAt.get(id))
                                .max()
                                .orElseThrow()
                        - sent;
                if (!rawFirst) {
                    rawNanos = rawRoundTrip(template, event, raw);
                }
                if (i >= 0) {
                    Node slowest = nodes.stream()
                            .max(java.util.Comparator.comparingLong(n -> n.enforcedAt.get(id)))
                            .orElseThrow();
                    long[] fed = slowest.fedAt.get(id);
                    await(() -> fed[1] != 0, Duration.ofSeconds(30), "listener of " + id);
                    stages[0][i] = fed[0] - sent;
                    stages[1][i] = fed[1] - fed[0];
                    stages[2][i] = slowest.enforcedAt.get(id) - fed[0];
                    enforced[i] = enforcedNanos;
                    roundTrip[i] = rawNanos;
                }
                Thread.sleep(gap.toMillis());
            }
            System.out.println("samples: " + cpu.since());
            Arrays.sort(enforced);
            for (long[] stage : stages) {
                Arrays.sort(stage);
            }
            System.out.printf(
                    "slowest node: send → listener p50 %.2f p99 %.2f ms; MeasureFeed.on p50 %.2f p99 %.2f ms;"
                            + " listener → check BLOCK p50 %.2f p99 %.2f ms%n",
                    millis(percentile(stages[0], 0.5)),
                    millis(percentile(stages[0], 0.99)),
                    millis(percentile(stages[1], 0.5)),
                    millis(percentile(stages[1], 0.99)),
                    millis(percentile(stages[2], 0.5)),
                    millis(percentile(stages[2], 0.99)));
            Arrays.sort(roundTrip);

            List<MeasureApplied> measures = new ArrayList<>(burst);
            for (int i = 0; i < burst; i++) {
                measures.add(measure(next++, random));
            }
            for (MeasureApplied m : measures) {
                expect(nodes, m);
            }
            int before = nodes.get(0).enforcedAt.size();
            ThreadCpu burstCpu = new ThreadCpu();
            long start = System.nanoTime();
            for (MeasureApplied m : measures) {
                send(template, Topics.MEASURES, m);
            }
            template.flush();
            await(
                    () -> nodes.stream().allMatch(n -> n.enforcedAt.size() >= before + burst),
                    Duration.ofMinutes(3),
                    "burst");
            long burstEnforced = nodes.stream()
                            .flatMap(n -> measures.stream().map(m -> n.enforcedAt.get(m.measureId())))
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(start)
                    - start;
            System.out.printf(
                    "burst enforced; index segments now %s; %s%n",
                    nodes.stream().map(n -> n.screening.indexSegments()).toList(), burstCpu.since());

            raw.forEach(Map::clear);
            long rawStart = System.nanoTime();
            for (MeasureApplied m : measures) {
                send(template, RAW_TOPIC, m);
            }
            template.flush();
            await(() -> raw.stream().allMatch(r -> r.size() >= burst), Duration.ofMinutes(3), "raw burst");
            long burstRaw = raw.stream()
                            .flatMap(r -> r.values().stream())
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(rawStart)
                    - rawStart;

            return new Report(
                    millis(percentile(enforced, 0.50)),
                    millis(percentile(enforced, 0.99)),
                    millis(percentile(roundTrip, 0.50)),
                    millis(percentile(roundTrip, 0.99)),
                    samples,
                    burst,
                    millis(burstEnforced),
                    millis(burstRaw),
                    nodes.stream().map(n -> n.screening.activeFilters()).toList());
        } finally {
            nodes.forEach(Node::close);
            rawConsumers.forEach(ConcurrentMessageListenerContainer::stop);
            template.destroy();
            broker.destroy();
        }
    }

    /** spring.kafka.* exactly as the app binds it from config/application.yml (on this classpath as the app's). */
    static KafkaProperties appKafkaProperties() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return Binder.get(environment)
                .bind("spring.kafka", KafkaProperties.class)
                .orElseGet(KafkaProperties::new);
    }

    /** The consumer properties MeasureFeed's {@code @KafkaListener} adds, so that both sides use them. */
    static Map<String, Object> feedListenerProperties() throws NoSuchMethodException {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String property : MeasureFeed.class
                .getMethod("on", List.class)
                .getAnnotation(KafkaListener.class)
                .properties()) {
            String[] kv = property.split("=", 2);
            properties.put(kv[0].trim(), kv[1].trim());
        }
        return properties;
    }

    /** As Boot's listener container factory builds a {@code batch = "true"} listener: one consumer, batch acks. */
    static ConcurrentMessageListenerContainer<String, String> container(
            String topic, String group, Map<String, Object> consumer, BatchMessageListener<String, String> listener) {
        Map<String, Object> properties = new LinkedHashMap<>(consumer);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        ContainerProperties container = new ContainerProperties(topic);
        container.setMessageListener(listener);
        ConcurrentMessageListenerContainer<String, String> c =
                new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(properties), container);
        c.start();
        return c;
    }

    /** CPU time per kind of thread and young collections over the timed samples: what competes with the timed path. */
    private static final class ThreadCpu {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final Map<Long, String> names = new HashMap<>();
        private final Map<Long, Long> start = new HashMap<>();
        private final Map<Long, Long> allocated = new HashMap<>();
        private final long gcCount = gcCount();
        private final long gcMillis = gcMillis();
        private final long wall = System.nanoTime();

        ThreadCpu() {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    names.put(info.getThreadId(), info.getThreadName());
                    start.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
                    allocated.put(info.getThreadId(), threads.getThreadAllocatedBytes(info.getThreadId()));
                }
            }
        }

        String since() {
            Map<String, long[]> byKind = new TreeMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    long id = info.getThreadId();
                    long[] sum = byKind.computeIfAbsent(kind(info.getThreadName()), k -> new long[2]);
                    sum[0] += threads.getThreadCpuTime(id) - start.getOrDefault(id, 0L);
                    sum[1] += threads.getThreadAllocatedBytes(id) - allocated.getOrDefault(id, 0L);
                }
            }
            StringBuilder out = new StringBuilder(
                    "CPU ms / MB allocated over %.0f ms of wall time:".formatted(millis(System.nanoTime() - wall)));
            byKind.forEach((kind, sum) -> out.append(" %s %.0f / %.0f;".formatted(kind, millis(sum[0]), sum[1] / 1e6)));
            return out.append(" young collections %d (%d ms)".formatted(gcCount() - gcCount, gcMillis() - gcMillis))
                    .toString();
        }

        private static String kind(String thread) {
            if (thread.endsWith("-checker")) {
                return "checkers";
            }
            if (thread.startsWith("screening-")) {
                return thread;
            }
            if (thread.contains("-C-")) {
                return "listener containers";
            }
            if (thread.startsWith("kafka-producer")) {
                return "producer";
            }
            return thread.equals("main") ? "driver" : "broker and other";
        }

        private static long gcCount() {
            return young().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static long gcMillis() {
            return young().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }

        private static java.util.stream.Stream<GarbageCollectorMXBean> young() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .filter(gc -> gc.getName().contains("Young"));
        }
    }

    private static void expect(List<Node> nodes, MeasureApplied event) {
        nodes.forEach(n -> n.expect(
                event.measureId(), "a poster of " + event.rule().terms().get(0) + " at dusk"));
    }

    /** The outbox's send: Spring Modulith's KafkaEventExternalizer builds this message. */
    static void send(KafkaTemplate<String, byte[]> template, String topic, MeasureApplied event) {
        template.send(MessageBuilder.withPayload(event)
                .copyHeaders(CloudEventHeaders.of(event))
                .setHeaderIfAbsent(KafkaHeaders.KEY, event.key())
                .setHeaderIfAbsent(KafkaHeaders.TOPIC, topic)
                .build());
    }

    private static long rawRoundTrip(
            KafkaTemplate<String, byte[]> template, MeasureApplied event, List<Map<String, Long>> raw) {
        long sent = System.nanoTime();
        send(template, RAW_TOPIC, event);
        String id = event.measureId();
        await(() -> raw.stream().allMatch(r -> r.containsKey(id)), Duration.ofSeconds(30), "raw " + id);
        return raw.stream().mapToLong(r -> r.get(id)).max().orElseThrow() - sent;
    }

    static String id(int index) {
        return "bench-measure-" + index;
    }

    /** Four letters, so that no measure's name is a prefix of another's (long terms match into suffixes). */
    static String code(int index) {
        char[] c = new char[4];
        for (int k = 3, v = index; k >= 0; k--, v /= 26) {
            c[k] = (char) ('a' + v % 26);
        }
        return new String(c);
    }

    /** A filter measure as moderators accept them: names in Latin and Han, a combination, a licensee, an image. */
    static MeasureApplied measure(int index, Random random) {
        String name = "Kaiju" + code(index);
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        ScreeningRule rule = new ScreeningRule(
                "Work " + index,
                List.of(name, name + " Prime", "怪兽" + code(index)),
                List.of(new ScreeningRule.Combination(
                        List.of("giant " + code(index), "red mask", "colour timer"), 2, 6)),
                List.of("licensee-" + index),
                List.of(HexFormat.of().formatHex(hash)),
                List.of("a poster of " + name + " at dusk", name + " fighting in the city"));
        return new MeasureApplied(
                UUID.randomUUID(), Instant.now(), "case-" + index, "moderator", id(index), "PROMPT_FILTER", null, rule);
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            LockSupport.parkNanos(100_000);
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
