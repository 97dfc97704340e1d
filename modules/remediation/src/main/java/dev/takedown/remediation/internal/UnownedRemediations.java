package dev.takedown.remediation.internal;

import dev.takedown.remediation.RemediationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remediations opened before they had an owner (Flyway V72 added the column) go to the configured default owner at
 * start, so that no remediation is left that no owner can see.
 */
@Component
class UnownedRemediations {

    private static final Logger log = LoggerFactory.getLogger(UnownedRemediations.class);

    private final RemediationRepository remediations;
    private final RemediationSettings settings;

    UnownedRemediations(RemediationRepository remediations, RemediationSettings settings) {
        this.remediations = remediations;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void claim() {
        int claimed = remediations.claimUnowned(settings.owners().defaultOwner());
        if (claimed > 0) {
            log.info(
                    "{} remediation(s) without an owner went to {}",
                    claimed,
                    settings.owners().defaultOwner());
        }
    }
}
