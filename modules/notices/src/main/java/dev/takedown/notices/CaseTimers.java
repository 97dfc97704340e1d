package dev.takedown.notices;

import java.time.Instant;
import java.util.Optional;

/**
 * What the lifecycle's timers are computed from.
 *
 * @param profile                  the governing profile (the notice's first)
 * @param policy                   its configured durations
 * @param receivedAt               when the notice arrived
 * @param notifiedAt               when the parties were told the decision (appeal windows run from here)
 * @param counterNoticeReceivedAt  US: the 10–14 business days run from receipt
 * @param counterNoticeDeliveredAt CN: the 15 days run from delivery to the rights holder
 * @param cureRequestedAt          the cure period runs from the first request to complete, however often the
 *                                 notifier sends an improved but still incomplete version
 */
public record CaseTimers(
        JurisdictionProfile profile,
        ProfilePolicies.Policy policy,
        int timeCompression,
        Instant receivedAt,
        Instant notifiedAt,
        Instant counterNoticeReceivedAt,
        Instant counterNoticeDeliveredAt,
        Instant cureRequestedAt) {

    /**
     * T5: when the internal complaint window ends (DSA Art. 20(1)), by the rule alone: the configured calendar months
     * from the notification, to the end of the corresponding day (Reg. 1182/71 Art. 3(2)(c)). Either party may
     * complain and the platform knows neither's time zone, so the day is the one that ends last anywhere; empty
     * before the decision was notified.
     */
    public Optional<Instant> complaintWindowEnds() {
        return Optional.ofNullable(notifiedAt)
                .map(notified -> ComplaintPeriods.end(notified, policy.appealWindow(), ComplaintPeriods.ANY_ZONE));
    }
}
