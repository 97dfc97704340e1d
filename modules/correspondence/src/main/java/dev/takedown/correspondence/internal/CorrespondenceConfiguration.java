package dev.takedown.correspondence.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Sending, deemed delivery and the bounce mailbox run on schedules. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(CorrespondenceProperties.class)
class CorrespondenceConfiguration {}
