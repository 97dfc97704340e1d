package dev.takedown.notifiers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(NotifierSettings.class)
class NotifiersConfiguration {}
