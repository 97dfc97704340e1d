package dev.takedown.app;

import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * The outbox's far side: every {@link TakedownEvent} committed to the event publication registry is sent to its
 * topic as a binary-mode CloudEvent, and marked complete only when the broker acknowledges. Spring Modulith turns the
 * event into JSON bytes with the application's ObjectMapper, so the producer's value serializer is the byte one.
 */
@Configuration
class EventExternalization {

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof TakedownEvent)
                .routeAll(event -> {
                    TakedownEvent e = (TakedownEvent) event;
                    return RoutingTarget.forTarget(e.eventType().topic()).andKey(e.key());
                })
                .headers(TakedownEvent.class, CloudEventHeaders::of)
                .build();
    }

    @Bean
    KafkaAdmin.NewTopics takedownTopics() {
        return new KafkaAdmin.NewTopics(
                topic(Topics.NOTICES_INBOUND),
                topic(Topics.NOTICE_EVENTS),
                topic(Topics.TASKS),
                TopicBuilder.name(Topics.MEASURES)
                        .partitions(3)
                        .replicas(1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                        .build(),
                topic(Topics.ENFORCEMENT_RESULTS),
                topic(Topics.SCREENING_NODES),
                topic(Topics.ACCESS_LOG),
                topic(Topics.SCREENING_EVENTS),
                topic(Topics.RISK_WARNINGS),
                topic(Topics.NOTICE_RECEIPTS),
                topic(Topics.UNLABELLED_OUTPUTS),
                // dead letters of every consumed topic (DeadLetters, the ledger's own handler)
                topic(Topics.NOTICES_INBOUND + ".DLT"),
                topic(Topics.NOTICE_EVENTS + ".DLT"),
                topic(Topics.TASKS + ".DLT"),
                topic(Topics.MEASURES + ".DLT"),
                topic(Topics.ENFORCEMENT_RESULTS + ".DLT"),
                topic(Topics.SCREENING_NODES + ".DLT"),
                topic(Topics.ACCESS_LOG + ".DLT"),
                topic(Topics.SCREENING_EVENTS + ".DLT"),
                topic(Topics.RISK_WARNINGS + ".DLT"),
                topic(Topics.UNLABELLED_OUTPUTS + ".DLT"));
    }

    private static NewTopic topic(String name) {
        return TopicBuilder.name(name).partitions(3).replicas(1).build();
    }
}
