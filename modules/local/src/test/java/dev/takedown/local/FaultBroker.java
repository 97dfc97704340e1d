package dev.takedown.local;

import dev.takedown.events.Topics;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A single-node KRaft broker (combined broker and controller) as a process of its own, on a fixed port and a fixed log
 * directory, so that it can be killed hard and started again with its data — which spring-kafka's
 * {@code EmbeddedKafkaKraftBroker} (random ports, temporary directories) cannot do. Arguments: broker port, controller
 * port, log directory. Formats the directory on first start, creates the contract topics if missing, prints
 * {@link #READY} and stops when its standard input closes (so it cannot outlive the test JVM).
 */
public final class FaultBroker {

    static final String READY = "TAKEDOWN FAULT BROKER READY";
    private static final String CLUSTER_ID = "TkDwnFaultClusterAAAAA";

    private FaultBroker() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Path logDir = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(logDir);
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false")));
        Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
        try (OutputStream out = new FileOutputStream(config.toFile())) {
            props.store(out, "fault broker");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(), "--ignore-formatted"},
                    System.out);
            if (formatted != 0) {
                throw new IllegalStateException("format failed: " + formatted);
            }
        }
        Thread parentWatch = new Thread(
                () -> {
                    try {
                        while (System.in.read() != -1) {
                            // wait for the parent to go away
                        }
                    } catch (Exception ignored) {
                        // parent gone
                    }
                    System.exit(0);
                },
                "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        Thread ready = new Thread(() -> createTopicsAndAnnounce(port), "topics");
        ready.setDaemon(true);
        ready.start();
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static void createTopicsAndAnnounce(int port) {
        String bootstrap = "127.0.0.1:" + port;
        for (int attempt = 0; attempt < 120; attempt++) {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    5000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    3000))) {
                Set<String> existing = admin.listTopics().names().get();
                List<NewTopic> topics = new ArrayList<>();
                for (String topic : Topics.ALL) {
                    if (existing.contains(topic)) {
                        continue;
                    }
                    NewTopic created = new NewTopic(topic, 3, (short) 1);
                    if (topic.equals(Topics.MEASURES)) {
                        created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    topics.add(created);
                }
                if (!topics.isEmpty()) {
                    admin.createTopics(topics).all().get();
                }
                System.out.println(READY + " " + bootstrap);
                System.out.flush();
                return;
            } catch (Exception notYet) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        System.out.println("TOPICS NOT CREATED");
    }
}
