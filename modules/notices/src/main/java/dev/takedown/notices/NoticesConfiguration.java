package dev.takedown.notices;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({ProfilePolicies.class, OutOfCourtBodies.class})
class NoticesConfiguration {}
