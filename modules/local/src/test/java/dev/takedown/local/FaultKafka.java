package dev.takedown.local;

import dev.takedown.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads whole topics, puts records back on them, and moves consumer groups: the test's side of Kafka. */
final class FaultKafka {

    /** One record as read, with its CloudEvents id and type (null on raw inbound records). */
    record Rec(
            String topic,
            int partition,
            long offset,
            String key,
            String value,
            String ceId,
            String ceType,
            List<Header> headers) {

        /** The last value of a header as text, or "" when the record has none. */
        String header(String name) {
            return headers.stream()
                    .filter(h -> h.key().equals(name))
                    .map(h -> new String(h.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .reduce((a, b) -> b)
                    .orElse("");
        }
    }

    private final String bootstrap;

    FaultKafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every record currently on the topics, from the beginning to the end offsets taken at the start. */
    List<Rec> readAll(Collection<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "fault-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<Rec> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(20))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(20)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topics + " to its end");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        List<Header> headers = new ArrayList<>();
                        r.headers().forEach(headers::add);
                        records.add(new Rec(
                                r.topic(),
                                r.partition(),
                                r.offset(),
                                r.key(),
                                r.value(),
                                header(r, CloudEventHeaders.ID),
                                header(r, CloudEventHeaders.TYPE),
                                headers));
                    }
                }
            }
        }
        return records;
    }

    /** Produces every record once more: same key, value and headers (so the same {@code ce_id}). */
    int reproduce(List<Rec> records) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Rec r : records) {
                sent.add(producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
            return sent.size();
        }
    }

    KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    /** The group's committed offsets (absent partitions have none). */
    Map<TopicPartition, Long> committed(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .forEach((tp, o) -> offsets.put(tp, o == null ? -1 : o.offset()));
            return offsets;
        }
    }

    /** Records the group has not yet committed past, over all its partitions. */
    long lag(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get();
            long lag = 0;
            for (var e : committed.entrySet()) {
                lag += ends.get(e.getKey()).offset()
                        - (e.getValue() == null ? 0 : e.getValue().offset());
            }
            return lag;
        }
    }

    /** Rewinds a group (which must have no live member) to offset 0 on every partition it has committed. */
    int rewind(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            committed.keySet().forEach(tp -> start.put(tp, new OffsetAndMetadata(0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (true) {
                try {
                    admin.alterConsumerGroupOffsets(group, start).all().get();
                    return start.size();
                } catch (Exception stillMembers) {
                    // the killed node's member is still in the group until its session times out
                    if (System.nanoTime() > deadline) {
                        throw stillMembers;
                    }
                    Thread.sleep(1000);
                }
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
