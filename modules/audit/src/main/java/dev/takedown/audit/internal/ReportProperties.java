package dev.takedown.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code takedown.audit.reports.*}. @param sla review target a first-instance decision breaches when later */
@ConfigurationProperties("takedown.audit.reports")
public record ReportProperties(@DefaultValue("PT24H") Duration sla) {}
