package dev.takedown.audit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.audit.LedgerRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The AIGC facts on a case's ledger (issue 11), for the compliance case page: each implicit-label check and, from the
 * latest decision, what every uploader had acknowledged by the time the output was generated. Public because the
 * template reads it reflectively.
 */
public record AigcFacts(List<Label> labels, List<Warning> warnings) {

    static final String LABEL_CHECKED = "dev.takedown.notice.label-checked.v1";
    static final String RISK_WARNINGS_NOTED = "dev.takedown.notice.risk-warnings-noted.v1";

    public record Label(int target, String status, String source, String problem, String actor, String at) {}

    public record Warning(
            int target,
            String accountId,
            String agreementVersion,
            String riskWarningVersion,
            String shownAt,
            String generatedAt) {}

    public boolean isEmpty() {
        return labels.isEmpty() && warnings.isEmpty();
    }

    static AigcFacts of(List<LedgerRecord> timeline, ObjectMapper json) {
        List<Label> labels = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (LedgerRecord record : timeline) {
            if (record.payload() == null) {
                // purged under retention: the record is still in the timeline, its details are gone
                continue;
            }
            if (LABEL_CHECKED.equals(record.eventType())) {
                JsonNode p = read(record.payload(), json);
                labels.add(new Label(
                        p.path("targetIndex").asInt() + 1,
                        text(p, "status"),
                        text(p, "source"),
                        text(p, "problem"),
                        record.actor(),
                        String.valueOf(record.occurredAt())));
            } else if (RISK_WARNINGS_NOTED.equals(record.eventType())) {
                warnings.clear();
                for (JsonNode t : read(record.payload(), json).path("targets")) {
                    warnings.add(new Warning(
                            t.path("targetIndex").asInt() + 1,
                            text(t, "accountId"),
                            text(t, "agreementVersion"),
                            text(t, "riskWarningVersion"),
                            text(t, "shownAt"),
                            text(t, "generatedAt")));
                }
            }
        }
        return new AigcFacts(labels, warnings);
    }

    private static JsonNode read(String payload, ObjectMapper json) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ledger payload", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
