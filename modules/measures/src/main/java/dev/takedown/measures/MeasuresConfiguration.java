package dev.takedown.measures;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(StrikePolicy.class)
class MeasuresConfiguration {}
