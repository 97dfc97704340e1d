package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.takedown.audit.ActorType;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.events.ClaimType;
import dev.takedown.events.LegalGround;
import dev.takedown.events.LegalGround.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the DSA Art. 24(5) statement of reasons for a restriction from the case's ledger records alone: its
 * {@code NoticeReceived}, the decision that imposed the restriction (an accepting {@code NoticeDecided}, or an
 * {@code AppealDecided} that reversed a decision to take no action) and the {@code MeasureApplied} records that
 * followed it. Only EU_DSA cases where a measure took effect get one (no restriction, no statement).
 *
 * <p>Nothing personal goes in, by construction: every field comes from a vocabulary or a structured fact (the claim
 * types, the notifier's kind, the channel, the measure types, the days and who decided by kind), never from text a
 * person typed. The moderator's reason stays in the ledger and in the letter to the parties; a right recorded before
 * the claim-type vocabulary counts as {@link ClaimType#OTHER_ILLEGAL}, and a notifier type outside the known kinds as
 * a notifier.
 *
 * <p>{@code content_date} should be the upload date, which no event carries; the notice date is used, the latest
 * the content can have been posted.
 */
public final class StatementBuilder {

    static final String PROFILE = "EU_DSA";
    private static final String OTHER = "DECISION_VISIBILITY_OTHER";
    private static final Set<String> NOTIFIERS =
            Set.of("RIGHTS_HOLDER", "EXCLUSIVE_LICENSEE", "AGENT", "TRUSTED_FLAGGER", "AUTHORITY_ORDER", "USER");
    private static final Set<String> CHANNELS = Set.of("PORTAL", "API", "KAFKA", "PUBLIC");

    /**
     * The law that makes the content illegal, by the area of the right claimed (EU and national law); short enough
     * that every area together stays within the field's 500 characters.
     */
    private static final Map<ClaimType.Kind, String> GROUNDS = Map.of(
            ClaimType.Kind.COPYRIGHT, "copyright (Directive 2001/29/EC and national copyright law)",
            ClaimType.Kind.INDUSTRIAL_PROPERTY, "industrial property rights (Union and national law)",
            ClaimType.Kind.PERSONALITY, "personality rights (national law)",
            ClaimType.Kind.PERSONAL_DATA, "the protection of personal data (Regulation (EU) 2016/679)",
            ClaimType.Kind.OTHER_ILLEGAL, "Union or national law (other illegal content)",
            ClaimType.Kind.TERMS, "the terms of service");

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

    /** @param territorialScope what a worldwide measure is reported to restrict in: the EU and EEA codes */
    public StatementBuilder(List<String> territorialScope) {
        this.territorialScope = List.copyOf(territorialScope);
    }

    /**
     * Empty unless the case is an EU_DSA case and {@code decisionId} names a decision that restricted it: an accepting
     * decision, or a complaint's reversal of a decision to take no action, followed by a measure in effect.
     */
    public Optional<StatementOfReasons> build(String decisionId, List<LedgerRecord> caseRecords) {
        LedgerRecord notice = first(caseRecords, EventTypes.NOTICE_RECEIVED);
        LedgerRecord decision = caseRecords.stream()
                .filter(r -> isAccepting(r, decisionId) || isReversal(r, decisionId))
                .findFirst()
                .orElse(null);
        if (notice == null
                || decision == null
                || !strings(json(notice).path("jurisdictionProfiles")).contains(PROFILE)) {
            return Optional.empty();
        }
        boolean onComplaint = decision.eventType().equals(EventTypes.APPEAL_DECIDED);
        // a measure imposed on a complaint follows the complaint's decision; earlier ones were lifted or never were
        List<LedgerRecord> applied = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_APPLIED))
                .filter(r -> !onComplaint || !r.occurredAt().isBefore(decision.occurredAt()))
                .toList();
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = json(notice);
        Set<String> types = new LinkedHashSet<>();
        List<String> targets = new ArrayList<>();
        Set<String> countries = new TreeSet<>();
        boolean worldwide = false;
        Map<String, List<String>> endsOnByType = new HashMap<>();
        for (LedgerRecord measure : applied) {
            JsonNode m = json(measure);
            String type = m.path("type").asText();
            types.add(type);
            if (m.hasNonNull("targetUrl")) {
                targets.add(m.path("targetUrl").asText());
            }
            // a measure naming no country (or recorded before measures had a scope) restricts everywhere
            List<String> named = strings(m.path("countries"));
            worldwide |= named.isEmpty();
            countries.addAll(named);
            endsOnByType
                    .computeIfAbsent(type, t -> new ArrayList<>())
                    .add(m.hasNonNull("endsOn") ? m.path("endsOn").asText() : null);
        }
        Set<String> visibility = new TreeSet<>();
        types.stream().map(VISIBILITY::get).filter(v -> v != null).forEach(visibility::add);
        List<ClaimType> claims = claims(n);
        Instant actedAt = applied.stream()
                .map(LedgerRecord::occurredAt)
                .min(Instant::compareTo)
                .orElseThrow();
        List<String> keywords = claims.stream()
                .map(ClaimType::keyword)
                .filter(k -> !k.equals("KEYWORD_OTHER"))
                .distinct()
                .toList();
        return Optional.of(new StatementOfReasons(
                visibility.isEmpty() ? null : List.copyOf(visibility),
                visibility.contains(OTHER) ? otherVisibility(types) : null,
                firstMapped(types, MONETARY),
                firstMapped(types, PROVISION),
                firstMapped(types, ACCOUNT),
                "DECISION_GROUND_ILLEGAL_CONTENT",
                legalGround(claims, onComplaint),
                explanation(claims, types),
                contentTypes(types, targets),
                claims.get(0).statementCategory(),
                keywords.isEmpty() ? null : keywords,
                worldwide
                        ? territorialScope
                        : countries.stream()
                                .filter(StatementValidator.EU_EEA::contains)
                                .toList(),
                day(notice.occurredAt()),
                day(actedAt),
                endDate(endsOnByType, VISIBILITY),
                endDate(endsOnByType, MONETARY),
                endDate(endsOnByType, PROVISION),
                endDate(endsOnByType, ACCOUNT),
                facts(n, notice.occurredAt(), decision, onComplaint, claims, types),
                switch (notifierKind(n)) {
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

    private static boolean isAccepting(LedgerRecord record, String decisionId) {
        JsonNode d = json(record);
        return record.eventType().equals(EventTypes.NOTICE_DECIDED)
                && decisionId.equals(d.path("decisionId").asText(null))
                && "ACCEPT".equals(d.path("outcome").asText());
    }

    /** A complaint's reversal that restricts: against a decision on the notice, naming the measures it imposes. */
    private static boolean isReversal(LedgerRecord record, String decisionId) {
        JsonNode d = json(record);
        return record.eventType().equals(EventTypes.APPEAL_DECIDED)
                && decisionId.equals(d.path("appealId").asText(null))
                && "REVERSE".equals(d.path("outcome").asText())
                && !"SUSPENSION".equals(d.path("subject").asText())
                && !d.path("measures").isEmpty();
    }

    /** The claimed rights of the vocabulary; a notice naming none is about a work's copyright. */
    private static List<ClaimType> claims(JsonNode notice) {
        List<String> recorded = strings(notice.path("rightTypes"));
        if (recorded.isEmpty() && notice.hasNonNull("rightType")) {
            recorded = List.of(notice.path("rightType").asText());
        }
        List<ClaimType> claims =
                recorded.stream().map(ClaimType::ofRecorded).distinct().toList();
        return claims.isEmpty() ? List.of(ClaimType.COPYRIGHT) : claims;
    }

    /** The kind of notifier, from the types the intake records; anything else is an ordinary notifier. */
    private static String notifierKind(JsonNode notice) {
        String type = notice.path("notifierType").asText("");
        return NOTIFIERS.contains(type) ? type : "NOTIFIER";
    }

    private static String legalGround(List<ClaimType> claims, boolean onComplaint) {
        Set<String> grounds = new LinkedHashSet<>();
        claims.forEach(c -> grounds.add(GROUNDS.get(c.kind())));
        String procedure = LegalGround.of(PROFILE, onComplaint ? Step.COMPLAINT_DECIDED : Step.DECIDED).stream()
                .map(LegalGround::citation)
                .collect(Collectors.joining(" and "));
        return "Infringement of " + String.join(", ", grounds) + ". Acted on under " + procedure + ".";
    }

    private static String explanation(List<ClaimType> claims, Set<String> types) {
        String rights = claims.stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        return "The notice identified the content and the protected right (" + rights + ") and was substantiated by"
                + " its evidence; the review found that the content infringes that right without the right holder's"
                + " authorisation, so it was restricted (" + String.join(", ", types) + ").";
    }

    private static String otherVisibility(Set<String> types) {
        List<String> other =
                types.stream().filter(t -> OTHER.equals(VISIBILITY.get(t))).toList();
        return "Restriction not in the TDB list: " + String.join(", ", other)
                + " (generation or transmission of the work stopped)";
    }

    /**
     * The last day of the restrictions of one kind: blank (until further notice) if any of them has no end, else the
     * latest; blank too when none is of that kind.
     */
    private static String endDate(Map<String, List<String>> endsOnByType, Map<String, String> kind) {
        List<String> ends = endsOnByType.entrySet().stream()
                .filter(e -> kind.containsKey(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .toList();
        return ends.isEmpty() || ends.contains(null)
                ? null
                : ends.stream().max(String::compareTo).orElseThrow();
    }

    private static String firstMapped(Set<String> types, Map<String, String> mapping) {
        return types.stream()
                .map(mapping::get)
                .filter(v -> v != null)
                .findFirst()
                .orElse(null);
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

    private static String facts(
            JsonNode notice,
            Instant receivedAt,
            LedgerRecord decision,
            boolean onComplaint,
            List<ClaimType> claims,
            Set<String> types) {
        String kind = notifierKind(notice);
        String notifier = kind.equals("AUTHORITY_ORDER")
                ? "an order of a competent authority"
                : "a notice under Art. 16 DSA from a "
                        + kind.toLowerCase(Locale.ROOT).replace('_', ' ');
        String channel = CHANNELS.contains(notice.path("channel").asText(""))
                ? notice.path("channel").asText().toLowerCase(Locale.ROOT)
                : "an electronic";
        int targets = notice.path("targetCount").asInt(0);
        String decider = decision.actorType() == ActorType.HUMAN ? "A human moderator" : "An automated process";
        String decided = onComplaint
                ? decider + " decided an internal complaint (Art. 20 DSA) on " + day(decision.occurredAt())
                        + " and reversed the earlier decision to take no action."
                : decider + " reviewed the notice and its evidence and accepted it on " + day(decision.occurredAt())
                        + ".";
        return "The case started with " + notifier + ", received on " + day(receivedAt) + " via " + channel
                + " channel, claiming " + claims.stream().map(Enum::name).collect(Collectors.joining(", "))
                + " in " + targets + (targets == 1 ? " item" : " items") + ". " + decided + " Measures taken: "
                + String.join(", ", types) + ".";
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
