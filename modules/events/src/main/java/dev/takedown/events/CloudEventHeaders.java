package dev.takedown.events;

import java.util.LinkedHashMap;
import java.util.Map;

/** CloudEvents 1.0 binary-mode Kafka headers ({@code ce_*}) for an event; the body is the JSON of the record. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SOURCE_VALUE = "/takedown";

    private CloudEventHeaders() {}

    public static Map<String, Object> of(TakedownEvent event) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(ID, event.eventId().toString());
        headers.put(TYPE, event.eventType().value());
        headers.put(SOURCE, SOURCE_VALUE);
        headers.put(SPEC_VERSION, "1.0");
        headers.put(TIME, event.occurredAt().toString());
        // optional in CloudEvents: a fact about no case (a publication, say) has none
        if (event.caseId() != null) {
            headers.put(SUBJECT, event.caseId());
        }
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }
}
