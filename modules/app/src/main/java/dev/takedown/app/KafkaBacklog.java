package dev.takedown.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What waits in Kafka, read with the admin client on a schedule (a scrape never waits for the broker):
 * <ul>
 *   <li>{@code takedown_ledger_lag_records}: records on the contract topics the ledger's consumer group has not read
 *       yet. The ledger may run on an audit node; the group is the same everywhere.
 *   <li>{@code takedown_kafka_dead_letters_records{topic}}: records on every {@code *.DLT} topic, where consumers put
 *       what they gave up on (a series appears with the topic; sum them for the total).
 * </ul>
 * The lag is NaN and the dead-letter series are gone until the first successful read and after a failed one: no
 * number is better than a stale one.
 */
@Component
class KafkaBacklog implements MeterBinder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaBacklog.class);
    static final String DEAD_LETTER_SUFFIX = ".DLT";
    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaAdmin kafka;
    private final String ledgerGroup;
    private volatile Admin admin;
    private volatile double ledgerLag = Double.NaN;
    private MultiGauge byTopic;

    KafkaBacklog(KafkaAdmin kafka, @Value("${takedown.metrics.ledger-group:takedown-audit}") String ledgerGroup) {
        this.kafka = kafka;
        this.ledgerGroup = ledgerGroup;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("takedown.ledger.lag", this, b -> b.ledgerLag)
                .description("Records on Kafka the audit ledger's consumer group has not read yet")
                .baseUnit("records")
                .register(registry);
        byTopic = MultiGauge.builder("takedown.kafka.dead.letters")
                .description("Records on a dead-letter topic")
                .baseUnit("records")
                .register(registry);
    }

    /** Reads both from the broker. */
    @Scheduled(
            initialDelayString = "${takedown.metrics.kafka-refresh:PT30S}",
            fixedDelayString = "${takedown.metrics.kafka-refresh:PT30S}")
    void refresh() {
        try {
            Admin client = admin();
            ledgerLag = lag(client);
            Map<String, Long> topics = deadLetters(client);
            if (byTopic != null) {
                byTopic.register(
                        topics.entrySet().stream()
                                .map(t -> MultiGauge.Row.of(Tags.of("topic", t.getKey()), t.getValue()))
                                .toList(),
                        true);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Kafka backlog not read: {}", e.toString());
            ledgerLag = Double.NaN;
            if (byTopic != null) {
                byTopic.register(List.of(), true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long lag(Admin client) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(ledgerGroup)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        committed.values().removeIf(Objects::isNull);
        if (committed.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = client.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return committed.entrySet().stream()
                .mapToLong(c ->
                        Math.max(0, ends.get(c.getKey()).offset() - c.getValue().offset()))
                .sum();
    }

    private Map<String, Long> deadLetters(Admin client)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> topics = client.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .filter(t -> t.endsWith(DEAD_LETTER_SUFFIX))
                .collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described =
                client.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
        Map<TopicPartition, ListOffsetsResultInfo> earliest = client.listOffsets(
                        partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.earliest())))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> latest = client.listOffsets(
                        partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Long> records = new HashMap<>();
        for (TopicPartition partition : partitions) {
            records.merge(
                    partition.topic(),
                    latest.get(partition).offset() - earliest.get(partition).offset(),
                    Long::sum);
        }
        return Map.copyOf(records);
    }

    private Admin admin() {
        Admin client = admin;
        if (client == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafka.getConfigurationProperties());
                }
                client = admin;
            }
        }
        return client;
    }

    @Override
    public void destroy() {
        Admin client = admin;
        if (client != null) {
            client.close();
        }
    }
}
