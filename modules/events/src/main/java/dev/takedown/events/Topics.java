package dev.takedown.events;

import java.util.List;

/** Kafka topic names of the public contract (see docs/architecture.md for keys and producers). */
public final class Topics {

    /** Notices filed by external rights-holder portals; key = organisation id + ":" + idempotency key. */
    public static final String NOTICES_INBOUND = "takedown.notices.inbound";
    /**
     * The acknowledgement of each notice accepted from {@link #NOTICES_INBOUND} (DSA Art. 16(4)), for the portal that
     * filed it; key = the inbound record's key. A refused record gets none: it is dead-lettered.
     */
    public static final String NOTICE_RECEIPTS = "takedown.notices.receipts";
    /** Case lifecycle facts; key = case id. */
    public static final String NOTICE_EVENTS = "takedown.notice-events";
    /** Moderation task facts; key = case id. */
    public static final String TASKS = "takedown.tasks";
    /** Measures applied and lifted (compacted); key = measure id. */
    public static final String MEASURES = "takedown.measures";
    /** Acknowledgements from platform enforcement adapters; key = measure id. */
    public static final String ENFORCEMENT_RESULTS = "takedown.enforcement-results";
    /**
     * Screening nodes' heartbeats ({@link ScreeningNodeAlive}) and their answers to filter measures
     * ({@link FilterIndexed}); key = node id. Written by Takedown's own screening nodes only.
     */
    public static final String SCREENING_NODES = "takedown.screening-nodes";
    /** Who viewed which case or evidence; key = actor id. */
    public static final String ACCESS_LOG = "takedown.access-log";
    /** Sampled screening blocks and replay-suite results, from every screening node; key = case id. */
    public static final String SCREENING_EVENTS = "takedown.screening-events";

    /**
     * Outputs the platform provided without the explicit label under the user agreement's exception (Labelling
     * Measures Art. 9), kept at least six months; key = account id.
     */
    public static final String UNLABELLED_OUTPUTS = "takedown.aigc.unlabelled-outputs";

    /** Which user agreement and risk warning a platform user saw, reported by the platform; key = account id. */
    public static final String RISK_WARNINGS = "takedown.risk-warnings";

    public static final List<String> ALL = List.of(
            NOTICES_INBOUND,
            NOTICE_EVENTS,
            TASKS,
            MEASURES,
            ENFORCEMENT_RESULTS,
            ACCESS_LOG,
            SCREENING_EVENTS,
            UNLABELLED_OUTPUTS);

    private Topics() {}
}
