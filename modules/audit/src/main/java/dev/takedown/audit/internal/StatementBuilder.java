package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.takedown.audit.ActorType;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.events.ClaimType;
import dev.takedown.events.LegalGround;
import dev.takedown.events.LegalGround.Step;
import dev.takedown.events.LiftCause;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
 * <p>An account measure the repeat-infringer policy took (one carrying out a {@code PartyStandingChanged}: its
 * {@code standingChangeId} is set) is a decision of its own, on the platform's initiative (DSA Art. 23(1)): it is
 * never part of the case's decision or of the case's lifts, and gets its own statement ({@link #buildAccount}), as its
 * end does ({@link #buildAccountLift}).
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

    private static final String NOT_AUTOMATED = "AUTOMATED_DECISION_NOT_AUTOMATED";

    /** Why a restriction ended, as the facts of its lift say it. */
    private static final Map<LiftCause, String> LIFTS = Map.of(
            LiftCause.COUNTER_NOTICE,
                    "the uploader's counter-notice was not followed by proof of proceedings within the statutory"
                            + " period, so the content was restored",
            LiftCause.PROCEEDINGS, "the proceedings that kept it after a counter-notice ended without upholding it",
            LiftCause.RETRACTION, "the notifier withdrew the notice",
            LiftCause.APPEAL, "an internal complaint (Art. 20 DSA) reversed the decision",
            LiftCause.OUT_OF_COURT,
                    "the decision of a certified out-of-court dispute settlement body (Art. 21 DSA) was implemented",
            LiftCause.EXPIRY, "the period it was imposed for ended",
            LiftCause.BY_HAND, "a member of staff lifted it after a further review");

    /** Lifts no person decided: a statutory period or the measure's own period ran out. */
    private static final String CAUSE_NOT_RECORDED = "the cause was not recorded at the time";

    private static final Set<LiftCause> AUTOMATED_LIFTS = Set.of(LiftCause.COUNTER_NOTICE, LiftCause.EXPIRY);

    /** Why an account measure of the repeat-infringer policy ended, in account terms; other causes as {@link #LIFTS}. */
    private static final Map<LiftCause, String> ACCOUNT_LIFTS = Map.of(
            LiftCause.EXPIRY, "the suspension reached its last day and the account was reinstated",
            LiftCause.APPEAL, "an internal complaint (Art. 20 DSA) reversed it and the account was reinstated",
            LiftCause.BY_HAND, "a member of staff lifted it early, with reasons, after a further review");

    private final List<String> territorialScope;
    private final String termsClause;
    private final String termsUrl;

    /**
     * @param territorialScope what a worldwide measure is reported to restrict in: the EU and EEA codes
     * @param termsClause      the clause of the terms of service a claim of the terms alone is reported under
     * @param termsUrl         where the terms are published; may be null
     */
    public StatementBuilder(List<String> territorialScope, String termsClause, String termsUrl) {
        this.territorialScope = List.copyOf(territorialScope);
        this.termsClause = termsClause;
        this.termsUrl = termsUrl;
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
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_APPLIED) && !ofStanding(r))
                .filter(r -> !onComplaint || !r.occurredAt().isBefore(decision.occurredAt()))
                .toList();
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = json(notice);
        return Optional.of(statement(
                n,
                notice.occurredAt(),
                applied,
                facts(n, notice.occurredAt(), decision, onComplaint, claims(n), types(applied)),
                // the decision is automated only if an automated actor took it
                decision.actorType() == ActorType.HUMAN ? NOT_AUTOMATED : "AUTOMATED_DECISION_FULLY",
                onComplaint ? Step.COMPLAINT_DECIDED : Step.DECIDED,
                null,
                decisionId));
    }

    /**
     * The statement for a lift: the restriction it ended, reported with the day it ended as its end date, and why it
     * ended in the facts. {@code puid} is {@link #liftPuid} of the first record of the lift: the measures one step
     * lifted together share the step's time and cause. Empty unless the case is an EU_DSA case and the lift restored
     * something (a filter replaced by a wider one restored nothing).
     */
    public Optional<StatementOfReasons> buildLift(String puid, List<LedgerRecord> caseRecords) {
        LedgerRecord notice = first(caseRecords, EventTypes.NOTICE_RECEIVED);
        LedgerRecord first = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_LIFTED) && !ofStanding(r))
                .filter(r -> puid.equals(liftPuid(r.eventId())))
                .findFirst()
                .orElse(null);
        if (notice == null
                || first == null
                || !strings(json(notice).path("jurisdictionProfiles")).contains(PROFILE)) {
            return Optional.empty();
        }
        LiftCause cause = cause(json(first));
        // recorded before lifts named a cause: reported as such, unless a measure was applied in the same step, which
        // was a wider filter replacing it and restored nothing
        boolean notRecorded = cause == null;
        boolean replaced = notRecorded
                && caseRecords.stream()
                        .anyMatch(r -> r.eventType().equals(EventTypes.MEASURE_APPLIED)
                                && !ofStanding(r)
                                && r.occurredAt().equals(first.occurredAt()));
        if (replaced || (!notRecorded && !cause.restores())) {
            return Optional.empty();
        }
        Set<String> measureIds = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_LIFTED) && !ofStanding(r))
                .filter(r -> r.occurredAt().equals(first.occurredAt()) && cause == cause(json(r)))
                .map(r -> json(r).path("measureId").asText())
                .collect(Collectors.toSet());
        List<LedgerRecord> applied = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_APPLIED))
                .filter(r -> measureIds.contains(json(r).path("measureId").asText()))
                .toList();
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = json(notice);
        Set<String> types = types(applied);
        Instant appliedAt = applied.stream()
                .map(LedgerRecord::occurredAt)
                .min(Instant::compareTo)
                .orElseThrow();
        String facts = "The restriction (" + String.join(", ", types) + ") applied on " + day(appliedAt)
                + " after " + source(n) + " received on " + day(notice.occurredAt()) + " was lifted on "
                + day(first.occurredAt()) + ": " + (notRecorded ? CAUSE_NOT_RECORDED : LIFTS.get(cause)) + ".";
        return Optional.of(statement(
                n,
                notice.occurredAt(),
                applied,
                facts,
                liftDecision(cause, first),
                cause == LiftCause.APPEAL ? Step.COMPLAINT_DECIDED : Step.DECIDED,
                first.occurredAt(),
                puid));
    }

    /**
     * Whether a lift was decided by automated means: by its cause (a statutory period or the measure's own ran out);
     * without a cause, who carried out the lift is all the record says.
     */
    private static String liftDecision(LiftCause cause, LedgerRecord lift) {
        return (cause == null ? lift.actorType() == ActorType.AUTOMATED : AUTOMATED_LIFTS.contains(cause))
                ? "AUTOMATED_DECISION_FULLY"
                : NOT_AUTOMATED;
    }

    /** The claims a statement relies on: a claim of the terms alone is reported under the terms; illegal ones first. */
    private static List<ClaimType> grounds(JsonNode notice) {
        List<ClaimType> claims = claims(notice);
        List<ClaimType> illegal =
                claims.stream().filter(c -> c.kind() != ClaimType.Kind.TERMS).toList();
        return illegal.isEmpty() ? claims : illegal;
    }

    private static boolean underTheTerms(List<ClaimType> grounds) {
        return grounds.stream().allMatch(c -> c.kind() == ClaimType.Kind.TERMS);
    }

    private static List<String> keywords(List<ClaimType> grounds) {
        return grounds.stream()
                .map(ClaimType::keyword)
                .filter(k -> !k.equals("KEYWORD_OTHER"))
                .distinct()
                .toList();
    }

    /** A lift's puid: from the id of its first record, so the same lift is never submitted twice. */
    public static String liftPuid(String eventId) {
        return "lift-" + eventId;
    }

    /**
     * The statement for an account measure the repeat-infringer policy took: the suspension (until its last day) or
     * termination of the uploader account, on the platform's initiative under Art. 23 DSA, explained by how the
     * standing change it carried out weighed the account's findings. The case is the one whose finding triggered the
     * step, named by kind only. Empty unless the case is an EU_DSA case and both the measure and its standing change
     * are recorded.
     */
    public Optional<StatementOfReasons> buildAccount(String measureId, List<LedgerRecord> caseRecords) {
        LedgerRecord notice = first(caseRecords, EventTypes.NOTICE_RECEIVED);
        LedgerRecord measure = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_APPLIED) && ofStanding(r))
                .filter(r -> measureId.equals(json(r).path("measureId").asText(null)))
                .findFirst()
                .orElse(null);
        if (notice == null || measure == null || !euDsa(notice)) {
            return Optional.empty();
        }
        JsonNode standing = standing(caseRecords, measure);
        if (standing == null) {
            return Optional.empty();
        }
        JsonNode n = json(notice);
        JsonNode m = json(measure);
        String restriction = m.path("type").asText().equals("ACCOUNT_TERMINATE")
                ? "terminated"
                : "suspended until " + m.path("endsOn").asText("further notice");
        String facts = "Under its repeat-infringer policy (Art. 23 DSA) the platform weighs the findings of manifestly"
                + " illegal content against each uploader account. " + finding(n, notice.occurredAt(), caseRecords)
                + " With that finding the account's findings reached the policy's threshold, and on "
                + day(measure.occurredAt()) + " the account was " + restriction + " ("
                + m.path("type").asText()
                + "). The policy's rule took the decision; no person decided it.";
        return Optional.of(accountStatement(
                n,
                notice.occurredAt(),
                measure,
                standing,
                caseRecords,
                facts,
                "AUTOMATED_DECISION_FULLY",
                Step.ACCOUNT_MEASURE,
                null,
                accountPuid(measureId)));
    }

    /**
     * The statement for the end of an account measure the repeat-infringer policy took: the suspension reached its
     * last day, a complaint (Art. 20 DSA) reversed it, or staff lifted it early; the restriction with the day it ended
     * as its end date. {@code puid} is {@link #accountLiftPuid} of the lift's record. Empty unless the case is an
     * EU_DSA case and the lift restored the account.
     */
    public Optional<StatementOfReasons> buildAccountLift(String puid, List<LedgerRecord> caseRecords) {
        LedgerRecord notice = first(caseRecords, EventTypes.NOTICE_RECEIVED);
        LedgerRecord lift = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_LIFTED) && ofStanding(r))
                .filter(r -> puid.equals(accountLiftPuid(r.eventId())))
                .findFirst()
                .orElse(null);
        if (notice == null || lift == null || !euDsa(notice)) {
            return Optional.empty();
        }
        LiftCause cause = cause(json(lift));
        String measureId = json(lift).path("measureId").asText();
        LedgerRecord measure = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_APPLIED) && ofStanding(r))
                .filter(r -> measureId.equals(json(r).path("measureId").asText(null)))
                .findFirst()
                .orElse(null);
        JsonNode standing = measure == null ? null : standing(caseRecords, measure);
        if (standing == null || (cause != null && !cause.restores())) {
            return Optional.empty();
        }
        JsonNode n = json(notice);
        String type = json(measure).path("type").asText();
        String restriction = type.equals("ACCOUNT_TERMINATE") ? "termination" : "suspension";
        String ended = cause == null ? CAUSE_NOT_RECORDED : ACCOUNT_LIFTS.getOrDefault(cause, LIFTS.get(cause));
        String facts = "The " + restriction + " of the account (" + type
                + ") under the repeat-infringer policy (Art. 23"
                + " DSA), applied on " + day(measure.occurredAt()) + ", ended on " + day(lift.occurredAt()) + ": "
                + ended + ". " + finding(n, notice.occurredAt(), caseRecords);
        return Optional.of(accountStatement(
                n,
                notice.occurredAt(),
                measure,
                standing,
                caseRecords,
                facts,
                liftDecision(cause, lift),
                cause == LiftCause.APPEAL ? Step.COMPLAINT_DECIDED : Step.ACCOUNT_MEASURE,
                lift.occurredAt(),
                puid));
    }

    /** An account measure's puid: from its measure id, so the same measure is never submitted twice. */
    public static String accountPuid(String measureId) {
        return "account-" + measureId;
    }

    /** The puid of an account measure's end: from the id of the lift's record. */
    public static String accountLiftPuid(String eventId) {
        return "account-lift-" + eventId;
    }

    /** A measure, or its lift, that carries out a change of an account's standing: the ladder's, not a decision's. */
    private static boolean ofStanding(LedgerRecord record) {
        return json(record).hasNonNull("standingChangeId");
    }

    private static boolean euDsa(LedgerRecord notice) {
        return strings(json(notice).path("jurisdictionProfiles")).contains(PROFILE);
    }

    /** The standing change {@code measure} carried out; null while the ledger does not hold it. */
    private static JsonNode standing(List<LedgerRecord> caseRecords, LedgerRecord measure) {
        String changeId = json(measure).path("standingChangeId").asText();
        return caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.STANDING_CHANGED))
                .map(StatementBuilder::json)
                .filter(c -> changeId.equals(c.path("changeId").asText(null)))
                .findFirst()
                .orElse(null);
    }

    /**
     * The fields of an account measure's statement: the account restriction, with its last day or ({@code liftedAt})
     * the day it ended; the ground the case's claims give, as for its decision; the content types of the case's own
     * restrictions, the content that led to the step.
     */
    private StatementOfReasons accountStatement(
            JsonNode n,
            Instant receivedAt,
            LedgerRecord measure,
            JsonNode standing,
            List<LedgerRecord> caseRecords,
            String facts,
            String automatedDecision,
            Step step,
            Instant liftedAt,
            String puid) {
        JsonNode m = json(measure);
        String type = m.path("type").asText();
        List<ClaimType> grounds = grounds(n);
        boolean terms = underTheTerms(grounds);
        String weighing = weighing(standing, type, m.path("endsOn").asText("further notice"));
        List<LedgerRecord> content = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.MEASURE_APPLIED) && !ofStanding(r))
                .toList();
        List<String> targets = new ArrayList<>();
        content.stream().map(StatementBuilder::json).forEach(c -> {
            if (c.hasNonNull("targetUrl")) {
                targets.add(c.path("targetUrl").asText());
            }
        });
        List<String> countries = strings(m.path("countries"));
        List<String> keywords = keywords(grounds);
        return new StatementOfReasons(
                null,
                null,
                null,
                null,
                ACCOUNT.get(type),
                terms ? "DECISION_GROUND_INCOMPATIBLE_CONTENT" : "DECISION_GROUND_ILLEGAL_CONTENT",
                terms ? termsUrl : null,
                terms ? null : "Repeated provision of manifestly illegal content. " + legalGround(grounds, step),
                terms
                        ? null
                        : "The account repeatedly provided manifestly illegal content, infringing " + rights(grounds)
                                + ". " + weighing,
                terms ? termsClause : null,
                terms
                        ? "The account repeatedly provided content incompatible with that clause of the terms of"
                                + " service, though not shown to be illegal. " + weighing
                        : null,
                terms ? "No" : null,
                contentTypes(types(content), targets),
                grounds.get(0).statementCategory(),
                keywords.isEmpty() ? null : keywords,
                countries.isEmpty()
                        ? territorialScope
                        : countries.stream()
                                .filter(StatementValidator.EU_EEA::contains)
                                .toList(),
                day(receivedAt),
                day(measure.occurredAt()),
                null,
                null,
                null,
                liftedAt != null
                        ? day(liftedAt)
                        : m.hasNonNull("endsOn") ? m.path("endsOn").asText() : null,
                facts,
                // the policy acted on its own count of findings, not on a notice about the account; the content behind
                // each finding was identified by a notice, not by automated means
                "SOURCE_VOLUNTARY",
                "No",
                automatedDecision,
                puid);
    }

    /** How the policy weighed the account's findings, from the standing change: counts only, nothing personal. */
    private static String weighing(JsonNode standing, String type, String endsOn) {
        int windowMisuse = standing.path("windowMisuse").asInt();
        int total = standing.path("totalCount").asInt();
        String proportion = total == 0
                ? ""
                // capped as the policy caps it
                : " (" + Math.round(100.0 * Math.min(windowMisuse, total) / total) + "% of the " + total
                        + " notices naming its content)";
        return "Under the repeat-infringer policy (Art. 23(1) DSA) its findings were weighed: "
                + windowMisuse + " findings of manifestly illegal content within "
                + windowDays(standing.path("window").asText("")) + proportion + "; the "
                + standing.path("misuseCount").asInt() + " counted for this step, of which "
                + standing.path("intentional").asInt() + " found intentional, scored "
                + standing.path("weightedScore").asInt() + " weighted by gravity (an intentional finding counts more)"
                + " against a threshold of " + standing.path("threshold").asInt() + ", so the account was "
                + (type.equals("ACCOUNT_TERMINATE")
                        ? "terminated."
                        : "suspended for a reasonable period, until " + endsOn + ".");
    }

    /** The policy's window in days, recorded as an ISO-8601 duration ({@code PT2160H}). */
    private static String windowDays(String window) {
        try {
            return "the last " + Duration.parse(window).toDays() + " days";
        } catch (DateTimeParseException notRecorded) {
            return "the policy's window";
        }
    }

    /** The finding's case by kind: who notified what, and who accepted it; never a name or typed text. */
    private static String finding(JsonNode notice, Instant receivedAt, List<LedgerRecord> caseRecords) {
        String accepted = caseRecords.stream()
                .filter(r -> r.eventType().equals(EventTypes.NOTICE_DECIDED)
                        && "ACCEPT".equals(json(r).path("outcome").asText()))
                .findFirst()
                .map(d -> ", which " + (d.actorType() == ActorType.HUMAN ? "a human moderator" : "an automated process")
                        + " accepted on " + day(d.occurredAt()))
                .orElse("");
        return "The finding was made in a case that started with " + source(notice) + ", received on "
                + day(receivedAt) + ", claiming "
                + claims(notice).stream().map(Enum::name).collect(Collectors.joining(", ")) + accepted + ".";
    }

    private static LiftCause cause(JsonNode lifted) {
        try {
            return LiftCause.valueOf(lifted.path("cause").asText(""));
        } catch (IllegalArgumentException unknownOrOlder) {
            return null;
        }
    }

    /**
     * The fields every statement shares, from the notice and the measures of the restriction. {@code liftedAt}: the
     * restriction ended then (its end dates are that day); null while it holds (the measures' own last days).
     */
    private StatementOfReasons statement(
            JsonNode n,
            Instant receivedAt,
            List<LedgerRecord> applied,
            String facts,
            String automatedDecision,
            Step step,
            Instant liftedAt,
            String puid) {
        Set<String> types = types(applied);
        List<String> targets = new ArrayList<>();
        Set<String> countries = new TreeSet<>();
        boolean worldwide = false;
        Map<String, List<String>> endsOnByType = new HashMap<>();
        for (LedgerRecord measure : applied) {
            JsonNode m = json(measure);
            String type = m.path("type").asText();
            if (m.hasNonNull("targetUrl")) {
                targets.add(m.path("targetUrl").asText());
            }
            // a measure naming no country (or recorded before measures had a scope) restricts everywhere
            List<String> named = strings(m.path("countries"));
            worldwide |= named.isEmpty();
            countries.addAll(named);
            String endsOn = liftedAt != null
                    ? day(liftedAt)
                    : m.hasNonNull("endsOn") ? m.path("endsOn").asText() : null;
            endsOnByType.computeIfAbsent(type, t -> new ArrayList<>()).add(endsOn);
        }
        Set<String> visibility = new TreeSet<>();
        types.stream().map(VISIBILITY::get).filter(v -> v != null).forEach(visibility::add);
        List<ClaimType> grounds = grounds(n);
        boolean terms = underTheTerms(grounds);
        Instant actedAt = applied.stream()
                .map(LedgerRecord::occurredAt)
                .min(Instant::compareTo)
                .orElseThrow();
        List<String> keywords = keywords(grounds);
        return new StatementOfReasons(
                visibility.isEmpty() ? null : List.copyOf(visibility),
                visibility.contains(OTHER) ? otherVisibility(types) : null,
                firstMapped(types, MONETARY),
                firstMapped(types, PROVISION),
                firstMapped(types, ACCOUNT),
                terms ? "DECISION_GROUND_INCOMPATIBLE_CONTENT" : "DECISION_GROUND_ILLEGAL_CONTENT",
                terms ? termsUrl : null,
                terms ? null : legalGround(grounds, step),
                terms ? null : explanation(grounds, types),
                terms ? termsClause : null,
                terms ? termsExplanation(types) : null,
                terms ? "No" : null,
                contentTypes(types, targets),
                grounds.get(0).statementCategory(),
                keywords.isEmpty() ? null : keywords,
                worldwide
                        ? territorialScope
                        : countries.stream()
                                .filter(StatementValidator.EU_EEA::contains)
                                .toList(),
                day(receivedAt),
                day(actedAt),
                endDate(endsOnByType, VISIBILITY),
                endDate(endsOnByType, MONETARY),
                endDate(endsOnByType, PROVISION),
                endDate(endsOnByType, ACCOUNT),
                facts,
                switch (notifierKind(n)) {
                    case "TRUSTED_FLAGGER" -> "SOURCE_TRUSTED_FLAGGER";
                    // an authority's order is not an Art. 16 notice
                    case "AUTHORITY_ORDER" -> "SOURCE_TYPE_OTHER_NOTIFICATION";
                    default -> "SOURCE_ARTICLE_16";
                },
                // detection is always a notice here
                "No",
                automatedDecision,
                puid);
    }

    private static Set<String> types(List<LedgerRecord> applied) {
        Set<String> types = new LinkedHashSet<>();
        applied.forEach(r -> types.add(json(r).path("type").asText()));
        return types;
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

    private static String legalGround(List<ClaimType> claims, Step step) {
        Set<String> grounds = new LinkedHashSet<>();
        claims.forEach(c -> grounds.add(GROUNDS.get(c.kind())));
        String procedure = LegalGround.of(PROFILE, step).stream()
                .map(LegalGround::citation)
                .collect(Collectors.joining(" and "));
        return "Infringement of " + String.join(", ", grounds) + ". Acted on under " + procedure + ".";
    }

    private static String explanation(List<ClaimType> claims, Set<String> types) {
        return "The notice identified the content and the protected right (" + rights(claims)
                + ") and was substantiated by"
                + " its evidence; the review found that the content infringes that right without the right holder's"
                + " authorisation, so it was restricted (" + String.join(", ", types) + ").";
    }

    /** The rights claimed, from the vocabulary: {@code copyright reproduction, trademark}. */
    private static String rights(List<ClaimType> claims) {
        return claims.stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static String termsExplanation(Set<String> types) {
        return "The notice identified the content and the clause of the terms of service it breaches; the review found"
                + " the content incompatible with that clause, though not shown to be illegal, so it was restricted ("
                + String.join(", ", types) + ").";
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
        String notifier = source(notice);
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

    /** Who started the case, by kind: never a name. */
    private static String source(JsonNode notice) {
        String kind = notifierKind(notice);
        return kind.equals("AUTHORITY_ORDER")
                ? "an order of a competent authority"
                : "a notice under Art. 16 DSA from a "
                        + kind.toLowerCase(Locale.ROOT).replace('_', ' ');
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
