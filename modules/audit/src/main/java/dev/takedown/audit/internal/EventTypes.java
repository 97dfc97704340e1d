package dev.takedown.audit.internal;

import dev.takedown.events.AppealDecided;
import dev.takedown.events.AppealFiled;
import dev.takedown.events.CounterNoticeFiled;
import dev.takedown.events.EnforcementRecorded;
import dev.takedown.events.EventType;
import dev.takedown.events.LegalActionProofFiled;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.NoticeDecided;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.NoticeRetracted;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.TakedownEvent;

/**
 * The {@code event_type} values ledger queries select on, read from the event records' annotations so that a renamed
 * type cannot silently empty a report; plus the types of the facts the audit module records itself.
 */
public final class EventTypes {

    public static final String NOTICE_RECEIVED = of(NoticeReceived.class);
    public static final String NOTICE_DECIDED = of(NoticeDecided.class);
    public static final String NOTICE_RETRACTED = of(NoticeRetracted.class);
    public static final String MEASURE_APPLIED = of(MeasureApplied.class);
    public static final String MEASURE_LIFTED = of(MeasureLifted.class);
    public static final String APPEAL_FILED = of(AppealFiled.class);
    public static final String APPEAL_DECIDED = of(AppealDecided.class);
    public static final String COUNTER_NOTICE_FILED = of(CounterNoticeFiled.class);
    public static final String LEGAL_ACTION_PROOF_FILED = of(LegalActionProofFiled.class);
    public static final String ENFORCEMENT_RECORDED = of(EnforcementRecorded.class);
    public static final String STANDING_CHANGED = of(PartyStandingChanged.class);

    public static final String LEGAL_HOLD_PLACED = "dev.takedown.audit.legal-hold-placed.v1";
    public static final String LEGAL_HOLD_RELEASED = "dev.takedown.audit.legal-hold-released.v1";
    /** One per retention purge run: per record class the cutoff and how many records' content was purged. */
    public static final String RETENTION_PURGED = "dev.takedown.audit.retention-purged.v1";

    private EventTypes() {}

    private static String of(Class<? extends TakedownEvent> event) {
        return event.getAnnotation(EventType.class).value();
    }
}
