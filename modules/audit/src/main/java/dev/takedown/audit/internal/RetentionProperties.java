package dev.takedown.audit.internal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code takedown.audit.retention.*}: how long each record class is kept (R34: ≥ 6 months for logs, 3 years for case
 * files by house policy).
 * The daily "what is due" report runs at {@code takedown.audit.retention.check-cron} (default 03:30), the purge of
 * due content at {@code takedown.audit.retention.purge-cron} (default 03:45; {@code -} turns it off).
 */
@ConfigurationProperties("takedown.audit.retention")
public record RetentionProperties(
        @DefaultValue("P3Y") Period caseFiles,
        @DefaultValue("P6M") Period accessLogs,
        @DefaultValue("P3Y") Period inboundNotices) {}
