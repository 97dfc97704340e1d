package dev.takedownfixture.archunit;

import org.springframework.kafka.annotation.KafkaListener;

/** A Kafka listener outside a messaging package. */
class StrayListener {

    @KafkaListener(topics = "fixture")
    void on(String record) {}
}
