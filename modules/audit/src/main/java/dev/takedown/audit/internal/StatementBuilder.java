package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.takedown.audit.ActorType;
import dev.takedown.audit.LedgerRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the DSA Art. 24(5) statement of reasons for an accepting decision from the case's ledger records alone:
 * its {@code NoticeReceived}, the {@code NoticeDecided} and the {@code MeasureApplied} records. Only EU_DSA cases where
 * a measure took effect get one (no restriction, no statement). Nothing personal goes in: the facts are composed from
 * structured fields, and the moderator's reason, the only free text, is scrubbed.
 *
 * <p>{@code content_date} should be the upload date, which no event carries; the notice date is used, the latest
 * the content can have been posted.
 */
public final class StatementBuilder {

    static final String PROFILE = "EU_DSA";
    private static final String OTHER = "DECISION_VISIBILITY_OTHER";

    // the measure catalogue (measures module) as TDB restriction types; types absent here restrict nothing the TDB
    // records (a warning) and leave the statement without a decision, which validation reports
    private static final Map<String, String> VISIBILITY = Map.ofEntries(
            Map.entry("DELETE", "DECISION_VISIBILITY_CONTENT_REMOVED"),
            Map.entry("OUTPUT_PURGE", "DECISION_VISIBILITY_CONTENT_REMOVED"),
            Map.entry("UNPUBLISH_MODEL", "DECISION_VISIBILITY_CONTENT_REMOVED"),
            Map.entry("REMOVE_FROM_DATASET", "DECISION_VISIBILITY_CONTENT_REMOVED"),
            Map.entry("DISABLE_ACCESS", "DECISION_VISIBILITY_CONTENT_DISABLED"),
            Map.entry("GEO_BLOCK", "DECISION_VISIBILITY_CONTENT_DISABLED"),
            Map.entry("DISCONNECT_LINK", "DECISION_VISIBILITY_CONTENT_DISABLED"),
            Map.entry("STOP_TRANSMISSION", "DECISION_VISIBILITY_CONTENT_DISABLED"),
            Map.entry("DELIST", "DECISION_VISIBILITY_CONTENT_DISABLED"),
            Map.entry("DEMOTE", "DECISION_VISIBILITY_CONTENT_DEMOTED"),
            Map.entry("AGE_RESTRICT", "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED"),
            Map.entry("RESTRICT_INTERACTION", "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED"),
            Map.entry("LABEL", "DECISION_VISIBILITY_CONTENT_LABELLED"),
            Map.entry("PROMPT_FILTER", OTHER),
            Map.entry("OUTPUT_SIMILARITY_FILTER", OTHER),
            Map.entry("STOP_GENERATION", OTHER),
            Map.entry("TERMINATE_TRANSACTION", OTHER));
    private static final Set<String> GENERATION =
            Set.of("PROMPT_FILTER", "OUTPUT_SIMILARITY_FILTER", "STOP_GENERATION", "OUTPUT_PURGE");
    private static final Map<String, String> MONETARY = Map.of(
            "SUSPEND_MONETISATION", "DECISION_MONETARY_SUSPENSION",
            "TERMINATE_MONETISATION", "DECISION_MONETARY_TERMINATION");
    private static final Map<String, String> PROVISION = Map.of(
            "PARTIAL_SERVICE_SUSPENSION", "DECISION_PROVISION_PARTIAL_SUSPENSION",
            "TOTAL_SERVICE_SUSPENSION", "DECISION_PROVISION_TOTAL_SUSPENSION");
    private static final Map<String, String> ACCOUNT = Map.of(
            "ACCOUNT_SUSPEND", "DECISION_ACCOUNT_SUSPENDED",
            "ACCOUNT_TERMINATE", "DECISION_ACCOUNT_TERMINATED");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("png", "CONTENT_TYPE_IMAGE"),
            Map.entry("jpg", "CONTENT_TYPE_IMAGE"),
            Map.entry("jpeg", "CONTENT_TYPE_IMAGE"),
            Map.entry("webp", "CONTENT_TYPE_IMAGE"),
            Map.entry("gif", "CONTENT_TYPE_IMAGE"),
            Map.entry("mp4", "CONTENT_TYPE_VIDEO"),
            Map.entry("webm", "CONTENT_TYPE_VIDEO"),
            Map.entry("mov", "CONTENT_TYPE_VIDEO"),
            Map.entry("mp3", "CONTENT_TYPE_AUDIO"),
            Map.entry("wav", "CONTENT_TYPE_AUDIO"),
            Map.entry("txt", "CONTENT_TYPE_TEXT"));

    private final List<String> territorialScope;

    public StatementBuilder(List<String> territorialScope) {
        this.territorialScope = List.copyOf(territorialScope);
    }

    /** Empty unless the case is an EU_DSA case whose decision {@code decisionId} accepted and a measure took effect. */
    public Optional<StatementOfReasons> build(String decisionId, List<LedgerRecord> caseRecords) {
        LedgerRecord notice = first(caseRecords, EventTypes.NOTICE_RECEIVED);
        LedgerRecord decision = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.NOTICE_DECIDED))
                .filter(r -> decisionId.equals(json(r).path("decisionId").asText(null)))
                .findFirst()
                .orElse(null);
        List<LedgerRecord> applied = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_APPLIED))
                .toList();
        if (notice == null
                || decision == null
                || applied.isEmpty()
                || !"ACCEPT".equals(json(decision).path("outcome").asText())
                || !strings(json(notice).path("jurisdictionProfiles")).contains(PROFILE)) {
            return Optional.empty();
        }
        JsonNode n = json(notice);
        JsonNode d = json(decision);
        Set<String> types = new LinkedHashSet<>();
        List<String> targets = new ArrayList<>();
        for (LedgerRecord measure : applied) {
            JsonNode m = json(measure);
            types.add(m.path("type").asText());
            if (m.hasNonNull("targetUrl")) {
                targets.add(m.path("targetUrl").asText());
            }
        }
        Set<String> visibility = new TreeSet<>();
        types.stream().map(VISIBILITY::get).filter(v -> v != null).forEach(visibility::add);
        String rightType = n.path("rightType").asText(null);
        String notifierType = n.path("notifierType").asText("RIGHTS_HOLDER");
        Instant actedAt = applied.stream()
                .map(LedgerRecord::occurredAt)
                .min(Instant::compareTo)
                .orElseThrow();
        return Optional.of(new StatementOfReasons(
                visibility.isEmpty() ? null : List.copyOf(visibility),
                visibility.contains(OTHER) ? otherVisibility(types) : null,
                firstMapped(types, MONETARY),
                firstMapped(types, PROVISION),
                firstMapped(types, ACCOUNT),
                "DECISION_GROUND_ILLEGAL_CONTENT",
                legalGround(rightType),
                explanation(d.path("reason").asText(null)),
                contentTypes(types, targets),
                "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
                List.of(
                        rightType != null && rightType.toUpperCase(Locale.ROOT).contains("TRADEMARK")
                                ? "KEYWORD_TRADEMARK_INFRINGEMENT"
                                : "KEYWORD_COPYRIGHT_INFRINGEMENT"),
                territorialScope,
                day(notice.occurredAt()),
                day(actedAt),
                facts(n, notice.occurredAt(), decision, types),
                switch (notifierType) {
                    case "TRUSTED_FLAGGER" -> "SOURCE_TRUSTED_FLAGGER";
                    // an authority's order is not an Art. 16 notice
                    case "AUTHORITY_ORDER" -> "SOURCE_TYPE_OTHER_NOTIFICATION";
                    default -> "SOURCE_ARTICLE_16";
                },
                // detection is always a notice here; the decision is automated only if an automated actor took it
                "No",
                decision.actorType() == ActorType.HUMAN
                        ? "AUTOMATED_DECISION_NOT_AUTOMATED"
                        : "AUTOMATED_DECISION_FULLY",
                decisionId));
    }

    private static String otherVisibility(Set<String> types) {
        List<String> other =
                types.stream().filter(t -> OTHER.equals(VISIBILITY.get(t))).toList();
        return "Restriction not in the TDB list: " + String.join(", ", other)
                + " (generation or transmission of the work stopped)";
    }

    private static String firstMapped(Set<String> types, Map<String, String> mapping) {
        return types.stream()
                .map(mapping::get)
                .filter(v -> v != null)
                .findFirst()
                .orElse(null);
    }

    private static String legalGround(String rightType) {
        String right = rightType == null
                ? "copyright"
                : rightType.toLowerCase(Locale.ROOT).replace('_', ' ');
        return "Infringement of intellectual property rights (" + right + "), notified under Art. 16 DSA";
    }

    private static String explanation(String reason) {
        String scrubbed = Redaction.scrub(reason);
        if (scrubbed == null || scrubbed.isBlank()) {
            return "A moderator reviewed the notice and its evidence and found that the content reproduces a"
                    + " protected work without the right holder's authorisation.";
        }
        // the TDB refuses an explanation over 2000 characters; the reason is kept whole in the ledger
        return scrubbed.length() > 2000 ? scrubbed.substring(0, 1999) + "…" : scrubbed;
    }

    private static List<String> contentTypes(Set<String> types, List<String> targets) {
        Set<String> contentTypes = new TreeSet<>();
        if (types.stream().anyMatch(GENERATION::contains)) {
            contentTypes.add("CONTENT_TYPE_SYNTHETIC_MEDIA");
        }
        for (String target : targets) {
            String path = target.replaceFirst("[?#].*$", "");
            int dot = path.lastIndexOf('.');
            if (dot > path.lastIndexOf('/')) {
                String type = EXTENSIONS.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
                if (type != null) {
                    contentTypes.add(type);
                }
            }
        }
        // an AIGC platform's targets are generated outputs unless their form says otherwise
        if (contentTypes.isEmpty()) {
            contentTypes.add("CONTENT_TYPE_SYNTHETIC_MEDIA");
        }
        return List.copyOf(contentTypes);
    }

    private static String facts(JsonNode notice, Instant receivedAt, LedgerRecord decision, Set<String> types) {
        String notifier = notice.path("notifierType")
                .asText("RIGHTS_HOLDER")
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        int targets = notice.path("targetCount").asInt(0);
        return "Notice under Art. 16 DSA received on " + day(receivedAt) + " from a " + notifier + " via "
                + notice.path("channel").asText("an electronic channel")
                + ", claiming " + notice.path("rightType").asText("copyright infringement") + " in " + targets
                + (targets == 1 ? " item" : " items") + ". "
                + (decision.actorType() == ActorType.HUMAN ? "A human moderator" : "An automated process")
                + " reviewed the notice and its evidence and accepted it on " + day(decision.occurredAt())
                + ". Measures taken: " + String.join(", ", types) + ".";
    }

    private static LedgerRecord first(List<LedgerRecord> records, String type) {
        return records.stream()
                .filter(r -> r.eventType().equals(type))
                .findFirst()
                .orElse(null);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode json(LedgerRecord record) {
        return CanonicalJson.read(record.payload()).orElse(NullNode.instance);
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
