package dev.takedown.audit.internal;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/** The checkpoint job and its key and TSA, from {@code takedown.audit.*}; the Transparency Database submitter. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties({
    AuditProperties.class,
    IntakeProperties.class,
    ReportProperties.class,
    RetentionProperties.class,
    TdbProperties.class
})
class AuditConfiguration {

    @Bean
    Checkpointer checkpointer(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditProperties audit) {
        // a configured key that is missing and may not be generated stops the start: checkpoints are not optional
        TsaTrust trust = audit.tsa().trust();
        if (audit.tsa().uri().isPresent() && trust.isEmpty()) {
            throw new IllegalStateException("takedown.audit.tsa.url is set but takedown.audit.tsa.trusted-certificates"
                    + " is empty: name the TSA's CA certificate, or its tokens cannot be trusted");
        }
        return new Checkpointer(
                jdbc,
                transactions,
                audit.restrictedRole(),
                audit.signing()
                        .key()
                        .map(path -> SigningKey.load(path, audit.signing().generateIfMissing())),
                audit.signing().previousKeys(),
                audit.tsa()
                        .uri()
                        .map(url -> new TimestampAuthority(url, audit.tsa().timeout(), trust)),
                trust,
                Clock.systemUTC());
    }

    @Bean
    TransparencyDatabase transparencyDatabase(
            JdbcTemplate jdbc, PlatformTransactionManager transactions, TdbProperties tdb) {
        return new TransparencyDatabase(jdbc, transactions, tdb, Clock.systemUTC());
    }
}
