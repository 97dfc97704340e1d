package dev.takedown.audit.internal;

import dev.takedown.audit.TransparencyReport;
import dev.takedown.events.ClaimType;
import dev.takedown.events.EventType;
import dev.takedown.events.OutOfCourtDecided;
import dev.takedown.events.OutOfCourtDecisionImplemented;
import dev.takedown.events.OutOfCourtReferred;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.RemediationVerificationFailed;
import dev.takedown.events.RemediationVerified;
import dev.takedown.events.TakedownEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures of DSA Art. 15(1)(a), (b) by basis, (c), (d) by subject, (e) and Art. 24(1)–(2) for a period
 * {@code [start, end)}, from the ledger (and, for Art. 24(2), from what the platform reported). Run inside the
 * report's snapshot, so they add up with the rest of it.
 */
public final class RegulatorFigures {

    static final String ERROR_RATE_METHOD = "complaints (DSA Art. 20) decided in the period against a first-instance"
            + " decision an automated actor took, reversed / decided";
    static final String ACCURACY_METHOD = "prompts of the screening replay suites replayed in the period to verify a"
            + " model remediation: blocked / (blocked + still generated); a failing verification records only the"
            + " prompts still generated, so this understates accuracy rather than overstating it";
    static final String OWN_INITIATIVE_METHOD = "every content restriction follows a notice or an order; the platform's"
            + " own-initiative measures are the account measures the repeat-infringer policy takes (DSA Art. 23(1))";

    private static final String RECEIVED = EventTypes.NOTICE_RECEIVED;
    private static final String STANDING = type(PartyStandingChanged.class);
    private static final String REFERRED = type(OutOfCourtReferred.class);
    private static final String BODY_DECIDED = type(OutOfCourtDecided.class);
    private static final String IMPLEMENTED = type(OutOfCourtDecisionImplemented.class);
    private static final String VERIFIED = type(RemediationVerified.class);
    private static final String VERIFICATION_FAILED = type(RemediationVerificationFailed.class);

    /**
     * A measure a decision imposed, not an account measure of the repeat-infringer policy (which names the standing
     * change it carries out): those are counted from the standing changes, as own-initiative account measures and as
     * suspensions and terminations.
     */
    public static final String DECISIONS_MEASURE = "payload::jsonb ->> 'standingChangeId' is null";

    /** Each case's first notice: who sent it and what it claimed. */
    private static final String FIRST_NOTICES = """
            select distinct on (case_id) case_id, occurred_at as at, payload::jsonb as p
            from audit_ledger where event_type = ? order by case_id, occurred_at, chain, seq""";

    private final JdbcTemplate jdbc;
    private final ReportProperties properties;

    public RegulatorFigures(JdbcTemplate jdbc, ReportProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public TransparencyReport.Orders orders(OffsetDateTime start, OffsetDateTime end) {
        SortedMap<String, Long> byCategory = new TreeMap<>();
        SortedMap<String, Long> byMemberState = new TreeMap<>();
        jdbc.query(
                "with n as (" + FIRST_NOTICES + ")"
                        + " select coalesce(p ->> 'rightType', '') as right_type,"
                        + " coalesce(p ->> 'issuerMemberState', '') as member_state from n"
                        + " where p ->> 'notifierType' = 'AUTHORITY_ORDER' and at >= ? and at < ?",
                rs -> {
                    String right = rs.getString("right_type");
                    byCategory.merge(
                            right.isEmpty()
                                    ? TransparencyReport.UNSPECIFIED
                                    : ClaimType.ofRecorded(right).name(),
                            1L,
                            Long::sum);
                    String state = rs.getString("member_state");
                    byMemberState.merge(state.isEmpty() ? TransparencyReport.UNSPECIFIED : state, 1L, Long::sum);
                },
                RECEIVED,
                start,
                end);
        List<Double> hours = new ArrayList<>();
        jdbc.query(
                "with n as (" + FIRST_NOTICES + "), m as (select case_id, min(occurred_at) as at from audit_ledger"
                        + " where event_type = ? and " + DECISIONS_MEASURE + " group by case_id)"
                        + " select extract(epoch from m.at - n.at)::float8 / 3600 as h from n join m using (case_id)"
                        + " where n.p ->> 'notifierType' = 'AUTHORITY_ORDER' and m.at >= ? and m.at < ?",
                rs -> {
                    hours.add(rs.getDouble("h"));
                },
                RECEIVED,
                EventTypes.MEASURE_APPLIED,
                start,
                end);
        return new TransparencyReport.Orders(
                byCategory.values().stream().mapToLong(Long::longValue).sum(),
                byCategory,
                byMemberState,
                hours.size(),
                median(hours));
    }

    /** The first-instance decisions of the period that led to a measure, by the basis their notice claimed. */
    public TransparencyReport.NoticeActions noticeActions(OffsetDateTime start, OffsetDateTime end) {
        SortedMap<String, Long> byBasis = new TreeMap<>(Map.of("LAW", 0L, "TERMS", 0L));
        long[] trusted = {0};
        jdbc.query(
                "with n as (" + FIRST_NOTICES + "),"
                        + " d as (select distinct on (case_id) case_id, occurred_at as at from audit_ledger"
                        + "       where event_type = ? and payload::jsonb ->> 'outcome' in ('ACCEPT', 'REJECT')"
                        + "       order by case_id, occurred_at, chain, seq)"
                        + " select n.p from d join n using (case_id)"
                        + " where d.at >= ? and d.at < ?"
                        + " and exists (select 1 from audit_ledger m where m.case_id = d.case_id and m.event_type = ?"
                        + " and m." + DECISIONS_MEASURE + ")",
                rs -> {
                    String notice = rs.getString("p");
                    byBasis.merge(termsOnly(notice) ? "TERMS" : "LAW", 1L, Long::sum);
                    if ("TRUSTED_FLAGGER"
                            .equals(CanonicalJson.read(notice)
                                    .map(p -> p.path("notifierType").asText())
                                    .orElse(""))) {
                        trusted[0]++;
                    }
                },
                RECEIVED,
                EventTypes.NOTICE_DECIDED,
                start,
                end,
                EventTypes.MEASURE_APPLIED);
        return new TransparencyReport.NoticeActions(byBasis, trusted[0]);
    }

    public TransparencyReport.OwnInitiative ownInitiative(OffsetDateTime start, OffsetDateTime end) {
        long withoutNotice = jdbc.queryForObject(
                "select count(*) from audit_ledger m where m.event_type = ? and m.occurred_at >= ? and m.occurred_at < ?"
                        + " and m." + DECISIONS_MEASURE
                        + " and not exists (select 1 from audit_ledger n where n.case_id = m.case_id"
                        + " and n.event_type = ?)",
                Long.class,
                EventTypes.MEASURE_APPLIED,
                start,
                end,
                RECEIVED);
        SortedMap<String, Long> accountMeasures = grouped(
                "select payload::jsonb ->> 'change' as k, count(*) as n from audit_ledger where event_type = ?"
                        + " and payload::jsonb ->> 'partyKind' = 'UPLOADER'"
                        + " and payload::jsonb ->> 'change' in ('WARNED', 'SUSPENDED', 'TERMINATED')"
                        + " and occurred_at >= ? and occurred_at < ? group by 1",
                STANDING,
                start,
                end);
        return new TransparencyReport.OwnInitiative(withoutNotice, accountMeasures, OWN_INITIATIVE_METHOD);
    }

    public SortedMap<String, Long> complaintsBySubject(OffsetDateTime start, OffsetDateTime end) {
        return grouped(
                "select coalesce(payload::jsonb ->> 'subject', 'UNSPECIFIED') as k, count(*) as n from audit_ledger"
                        + " where event_type = ? and occurred_at >= ? and occurred_at < ? group by 1",
                EventTypes.APPEAL_FILED,
                start,
                end);
    }

    public TransparencyReport.AutomatedMeans automatedMeans(OffsetDateTime start, OffsetDateTime end) {
        long decisions = jdbc.queryForObject(
                "select count(*) from (select distinct on (case_id) case_id, occurred_at as at, actor_type"
                        + " from audit_ledger where event_type = ?"
                        + " and payload::jsonb ->> 'outcome' in ('ACCEPT', 'REJECT')"
                        + " order by case_id, occurred_at, chain, seq) d"
                        + " where d.actor_type = 'AUTOMATED' and d.at >= ? and d.at < ?",
                Long.class,
                EventTypes.NOTICE_DECIDED,
                start,
                end);
        long[] complaints = {0, 0};
        jdbc.query(
                """
                select a.payload::jsonb ->> 'outcome' as outcome
                from audit_ledger a
                join audit_ledger f on f.event_type = ?
                     and f.payload::jsonb ->> 'appealId' = a.payload::jsonb ->> 'complaintId'
                join audit_ledger d on d.event_type = ?
                     and d.payload::jsonb ->> 'decisionId' = f.payload::jsonb ->> 'decisionId'
                where a.event_type = ? and a.occurred_at >= ? and a.occurred_at < ? and d.actor_type = 'AUTOMATED'""",
                rs -> {
                    complaints[0]++;
                    if ("REVERSE".equals(rs.getString("outcome"))) {
                        complaints[1]++;
                    }
                },
                EventTypes.APPEAL_FILED,
                EventTypes.NOTICE_DECIDED,
                EventTypes.APPEAL_DECIDED,
                start,
                end);
        long blocked = jdbc.queryForObject(
                "select coalesce(sum((payload::jsonb ->> 'promptsBlocked')::bigint), 0) from audit_ledger"
                        + " where event_type = ? and occurred_at >= ? and occurred_at < ?",
                Long.class,
                VERIFIED,
                start,
                end);
        long generated = jdbc.queryForObject(
                "select coalesce(sum(case when jsonb_typeof(payload::jsonb -> 'failedPrompts') = 'array'"
                        + " then jsonb_array_length(payload::jsonb -> 'failedPrompts') else 0 end), 0)"
                        + " from audit_ledger where event_type = ? and occurred_at >= ? and occurred_at < ?",
                Long.class,
                VERIFICATION_FAILED,
                start,
                end);
        return new TransparencyReport.AutomatedMeans(
                decisions,
                complaints[0],
                complaints[1],
                share(complaints[1], complaints[0]),
                ERROR_RATE_METHOD,
                blocked,
                generated,
                share(blocked, blocked + generated),
                ACCURACY_METHOD);
    }

    public TransparencyReport.OutOfCourt outOfCourt(OffsetDateTime start, OffsetDateTime end) {
        long referred = count(REFERRED, start, end);
        SortedMap<String, Long> byOutcome = grouped(
                "select payload::jsonb ->> 'outcome' as k, count(*) as n from audit_ledger where event_type = ?"
                        + " and occurred_at >= ? and occurred_at < ? group by 1",
                BODY_DECIDED,
                start,
                end);
        List<Double> days = new ArrayList<>();
        jdbc.query(
                "select extract(epoch from d.occurred_at - r.occurred_at)::float8 / 86400 as days"
                        + " from audit_ledger d join audit_ledger r on r.event_type = ?"
                        + " and r.payload::jsonb ->> 'referralId' = d.payload::jsonb ->> 'referralId'"
                        + " where d.event_type = ? and d.occurred_at >= ? and d.occurred_at < ?",
                rs -> {
                    days.add(rs.getDouble("days"));
                },
                REFERRED,
                BODY_DECIDED,
                start,
                end);
        return new TransparencyReport.OutOfCourt(referred, byOutcome, median(days), count(IMPLEMENTED, start, end));
    }

    public TransparencyReport.Suspensions suspensions(OffsetDateTime start, OffsetDateTime end) {
        String byParty = "select payload::jsonb ->> 'partyKind' as k, count(*) as n from audit_ledger"
                + " where event_type = ? and payload::jsonb ->> 'change' = ? and occurred_at >= ? and occurred_at < ?"
                + " group by 1";
        return new TransparencyReport.Suspensions(
                grouped(byParty, STANDING, "SUSPENDED", start, end),
                grouped(byParty, STANDING, "TERMINATED", start, end));
    }

    /** The months the period touches, averaged over those the platform reported. */
    public TransparencyReport.ActiveRecipients activeRecipients(LocalDate from, LocalDate to) {
        List<String> reported = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        long sum = 0;
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            Long count = properties.activeRecipients().get(month.toString());
            if (count == null) {
                missing.add(month.toString());
            } else {
                reported.add(month.toString());
                sum += count;
            }
        }
        return new TransparencyReport.ActiveRecipients(
                reported.isEmpty() ? null : (double) sum / reported.size(),
                reported,
                missing,
                properties.recipientsMethod());
    }

    /** The notice claimed the terms of service alone; a notice naming no right claims copyright. */
    private static boolean termsOnly(String notice) {
        List<String> rights = new ArrayList<>();
        CanonicalJson.read(notice).ifPresent(p -> {
            p.path("rightTypes").forEach(r -> rights.add(r.asText()));
            if (rights.isEmpty() && p.hasNonNull("rightType")) {
                rights.add(p.path("rightType").asText());
            }
        });
        return !rights.isEmpty()
                && rights.stream().allMatch(r -> ClaimType.ofRecorded(r).kind() == ClaimType.Kind.TERMS);
    }

    /** {@code sql} is a constant of this class selecting (k, n), never caller input. */
    private SortedMap<String, Long> grouped(String sql, Object... args) {
        SortedMap<String, Long> counts = new TreeMap<>();
        jdbc.query(
                sql,
                rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                },
                args);
        return counts;
    }

    private long count(String eventType, OffsetDateTime start, OffsetDateTime end) {
        return jdbc.queryForObject(
                "select count(*) from audit_ledger where event_type = ? and occurred_at >= ? and occurred_at < ?",
                Long.class,
                eventType,
                start,
                end);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Interpolated like {@code percentile_cont(0.5)}: the median of 1 and 3 is 2. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String type(Class<? extends TakedownEvent> event) {
        return event.getAnnotation(EventType.class).value();
    }
}
