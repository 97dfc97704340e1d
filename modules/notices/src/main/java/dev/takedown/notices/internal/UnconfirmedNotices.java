package dev.takedown.notices.internal;

import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.CaseStatus;
import dev.takedown.notifiers.PublicNotifiers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes logged-out notifiers' notices whose confirmation link expired unused ({@code takedown.notifiers.
 * confirmation-validity}): nobody proved they read the address, so nothing was processed and nothing counts for or
 * against anybody. The case keeps the notice and its history.
 */
@Component
public class UnconfirmedNotices {

    private final NoticeRepository notices;
    private final CaseLifecycle lifecycle;
    private final PublicNotifiers publicNotifiers;
    private final Clock clock;

    UnconfirmedNotices(
            NoticeRepository notices, CaseLifecycle lifecycle, PublicNotifiers publicNotifiers, Clock clock) {
        this.notices = notices;
        this.lifecycle = lifecycle;
        this.publicNotifiers = publicNotifiers;
        this.clock = clock;
    }

    /** Closes every expired one; returns how many. */
    @Scheduled(
            fixedDelayString = "${takedown.notifiers.expiry-check:PT10M}",
            initialDelayString = "${takedown.notifiers.expiry-check:PT10M}")
    public int closeExpired() {
        Instant before = clock.instant().minus(publicNotifiers.confirmationValidity());
        int closed = 0;
        List<String> expired;
        do {
            expired =
                    notices
                            .findTop100ByStatusAndReceivedAtBeforeOrderByReceivedAt(
                                    CaseStatus.AWAITING_CONFIRMATION, before)
                            .stream()
                            .map(n -> n.getId().toString())
                            .toList();
            expired.forEach(lifecycle::closeUnconfirmed);
            closed += expired.size();
        } while (!expired.isEmpty());
        return closed;
    }
}
