package dev.takedown.audit;

import static dev.takedown.audit.internal.EventTypes.APPEAL_DECIDED;
import static dev.takedown.audit.internal.EventTypes.APPEAL_FILED;
import static dev.takedown.audit.internal.EventTypes.COUNTER_NOTICE_FILED;
import static dev.takedown.audit.internal.EventTypes.ENFORCEMENT_RECORDED;
import static dev.takedown.audit.internal.EventTypes.MEASURE_APPLIED;
import static dev.takedown.audit.internal.EventTypes.MEASURE_LIFTED;
import static dev.takedown.audit.internal.EventTypes.NOTICE_DECIDED;
import static dev.takedown.audit.internal.EventTypes.NOTICE_RECEIVED;

import dev.takedown.audit.internal.RegulatorFigures;
import dev.takedown.audit.internal.ReportProperties;
import dev.takedown.events.ClaimType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Regulator figures computed from the ledger alone, never from another module's tables: the ledger is what can be
 * proven, so a report and the evidence behind it cannot disagree. Days are UTC; medians interpolate
 * ({@code percentile_cont}), so the median of 1 h and 3 h is 2 h.
 *
 * <p>Timing anchors: a case is received at its first {@code NoticeReceived}; decided at its first ACCEPT or REJECT
 * (second reviews and appeals are not first-instance decisions); acted on at its first {@code MeasureApplied};
 * removed when the platform confirmed its first measure ({@code EnforcementRecorded} ENFORCED), at the platform's time.
 */
@Service
public class ComplianceReports {

    /** Longest range the SLA dashboard draws day by day. */
    public static final int MAX_SLA_DAYS = 731;

    private static final String RECEIVED =
            "select case_id, min(occurred_at) as at from audit_ledger" + " where event_type = ? group by case_id";
    /**
     * Same shape as {@link #RECEIVED}: the first MeasureApplied per case that a decision imposed; an account measure of
     * the repeat-infringer policy neither makes a decision one with action nor times it.
     */
    private static final String FIRST_MEASURES = "select case_id, min(occurred_at) as at from audit_ledger"
            + " where event_type = ? and " + RegulatorFigures.DECISIONS_MEASURE + " group by case_id";

    /**
     * The platform's confirmation of a case's first measure, at the platform's time; the platform's confirmation of an
     * account measure of the repeat-infringer policy removes nothing of the case's content.
     */
    private static final String FIRST_REMOVALS = """
            select distinct on (case_id) case_id, (payload::jsonb ->> 'platformAt')::timestamptz as at
            from audit_ledger e
            where e.event_type = ? and e.payload::jsonb ->> 'outcome' = 'ENFORCED'
              and not exists (select 1 from audit_ledger m where m.case_id = e.case_id and m.event_type = ?
                              and m.payload::jsonb ->> 'measureId' = e.payload::jsonb ->> 'measureId'
                              and m.payload::jsonb ->> 'standingChangeId' is not null)
            order by case_id, (payload::jsonb ->> 'platformAt')::timestamptz""";

    private static final String FIRST_DECISIONS = """
            select distinct on (case_id) case_id, occurred_at as at, actor_type
            from audit_ledger
            where event_type = ? and payload::jsonb ->> 'outcome' in ('ACCEPT', 'REJECT')
            order by case_id, occurred_at, chain, seq""";
    private static final String NOTICES = "select payload::jsonb as p from audit_ledger"
            + " where event_type = ? and occurred_at >= ? and occurred_at < ?";
    private static final String UNSPECIFIED = "'" + TransparencyReport.UNSPECIFIED + "'";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Duration defaultSla;
    private final RegulatorFigures figures;

    public ComplianceReports(JdbcTemplate jdbc, PlatformTransactionManager transactions, ReportProperties properties) {
        this.jdbc = jdbc;
        this.defaultSla = properties.sla();
        this.figures = new RegulatorFigures(jdbc, properties);
        // one snapshot, so the figures of a report add up even while records are being appended
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public TransparencyReport transparency(LocalDate from, LocalDate to) {
        OffsetDateTime start = start(from, to);
        OffsetDateTime end = end(to);
        return snapshot.execute(status -> new TransparencyReport(
                from,
                to,
                notices(start, end),
                decisions(start, end),
                complaints(start, end),
                counterNotices(start, end),
                figures.orders(start, end),
                figures.noticeActions(start, end),
                figures.ownInitiative(start, end),
                figures.complaintsBySubject(start, end),
                figures.automatedMeans(start, end),
                figures.outOfCourt(start, end),
                figures.suspensions(start, end),
                figures.activeRecipients(from, to)));
    }

    /** With the configured target ({@code takedown.audit.reports.sla}, 24 h unless set). */
    public SlaDashboard sla(LocalDate from, LocalDate to) {
        return sla(from, to, defaultSla);
    }

    public SlaDashboard sla(LocalDate from, LocalDate to, Duration target) {
        OffsetDateTime start = start(from, to);
        OffsetDateTime end = end(to);
        if (ChronoUnit.DAYS.between(from, to) >= MAX_SLA_DAYS) {
            throw new IllegalArgumentException("the SLA dashboard covers at most " + MAX_SLA_DAYS + " days");
        }
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("the SLA target must be positive");
        }
        double targetSeconds = target.toMillis() / 1000.0;
        return snapshot.execute(status -> {
            Map<LocalDate, Timing> decided = timingsByDay(
                    "with d as (" + FIRST_DECISIONS + "), r as (" + RECEIVED
                            + ") select d.at as at, extract(epoch from d.at - r.at)::float8 as s"
                            + " from d left join r using (case_id) where d.at >= ? and d.at < ?",
                    targetSeconds,
                    NOTICE_DECIDED,
                    NOTICE_RECEIVED,
                    start,
                    end);
            Map<LocalDate, Timing> measured = timingsByDay(
                    "with m as (" + FIRST_MEASURES + "), r as (" + RECEIVED
                            + ") select m.at as at, extract(epoch from m.at - r.at)::float8 as s"
                            + " from m left join r using (case_id) where m.at >= ? and m.at < ?",
                    targetSeconds,
                    MEASURE_APPLIED,
                    NOTICE_RECEIVED,
                    start,
                    end);
            Map<LocalDate, Timing> removed = timingsByDay(
                    "with m as (" + FIRST_REMOVALS + "), r as (" + RECEIVED
                            + ") select m.at as at, extract(epoch from m.at - r.at)::float8 as s"
                            + " from m left join r using (case_id) where m.at >= ? and m.at < ?",
                    targetSeconds,
                    ENFORCEMENT_RECORDED,
                    MEASURE_APPLIED,
                    NOTICE_RECEIVED,
                    start,
                    end);
            List<SlaDashboard.Day> days = new ArrayList<>();
            long decisions = 0;
            long breaches = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Timing d = decided.getOrDefault(day, Timing.NONE);
                Timing m = measured.getOrDefault(day, Timing.NONE);
                Timing r = removed.getOrDefault(day, Timing.NONE);
                days.add(new SlaDashboard.Day(
                        day,
                        d.count(),
                        d.median(),
                        d.p90(),
                        d.breaches(),
                        m.count(),
                        m.median(),
                        m.p90(),
                        r.count(),
                        r.median(),
                        r.p90()));
                decisions += d.count();
                breaches += d.breaches();
            }
            return new SlaDashboard(from, to, targetSeconds / 3600, decisions, breaches, List.copyOf(days));
        });
    }

    private TransparencyReport.Notices notices(OffsetDateTime start, OffsetDateTime end) {
        SortedMap<String, Long> byDisposition = counts("p ->> 'disposition'", "", start, end);
        SortedMap<String, Long> bySource = counts("p ->> 'notifierType'", "", start, end);
        return new TransparencyReport.Notices(
                byDisposition.values().stream().mapToLong(Long::longValue).sum(),
                bySource.getOrDefault("TRUSTED_FLAGGER", 0L),
                categories(counts("p ->> 'rightType'", "", start, end)),
                bySource,
                // a notice without a list of profiles has none to count
                counts(
                        "profile",
                        " cross join lateral jsonb_array_elements_text(case when jsonb_typeof("
                                + "p -> 'jurisdictionProfiles') = 'array' then p -> 'jurisdictionProfiles' else '[]' end)"
                                + " as profile",
                        start,
                        end),
                byDisposition);
    }

    /**
     * The claim types, also of notices recorded before the vocabulary: a value outside it counts as
     * {@code OTHER_ILLEGAL}, so no notifier's free text becomes a category.
     */
    private static SortedMap<String, Long> categories(SortedMap<String, Long> byRightType) {
        SortedMap<String, Long> categories = new TreeMap<>();
        byRightType.forEach((right, n) -> categories.merge(
                right.equals(TransparencyReport.UNSPECIFIED)
                        ? right
                        : ClaimType.ofRecorded(right).name(),
                n,
                Long::sum));
        return categories;
    }

    /** {@code key} and {@code join} are constants of this class, never caller input. */
    private SortedMap<String, Long> counts(String key, String join, OffsetDateTime start, OffsetDateTime end) {
        SortedMap<String, Long> counts = new TreeMap<>();
        jdbc.query(
                "select coalesce(" + key + ", " + UNSPECIFIED + ") as k, count(*) as n from (" + NOTICES + ") notices"
                        + join + " group by 1",
                rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                },
                NOTICE_RECEIVED,
                start,
                end);
        return counts;
    }

    private TransparencyReport.Decisions decisions(OffsetDateTime start, OffsetDateTime end) {
        return jdbc.queryForObject(
                "with d as (" + FIRST_DECISIONS + "), r as (" + RECEIVED + "), m as ("
                        + FIRST_MEASURES
                        + "), a as (select count(*) as actions, percentile_cont(0.5) within group (order by"
                        + " extract(epoch from m.at - r.at)::float8) as to_action from m left join r using (case_id)"
                        + " where m.at >= ? and m.at < ?), x as (" + FIRST_REMOVALS
                        + "), e as (select count(*) as removals, percentile_cont(0.5) within group (order by"
                        + " extract(epoch from x.at - r.at)::float8) as to_removal from x left join r using (case_id)"
                        + " where x.at >= ? and x.at < ?)"
                        + " select count(*) as total, count(m.case_id) as with_action,"
                        + " count(*) filter (where d.actor_type = 'AUTOMATED') as automated,"
                        + " percentile_cont(0.5) within group (order by extract(epoch from d.at - r.at)::float8) as to_decision,"
                        + " (select actions from a) as actions, (select to_action from a) as to_action,"
                        + " (select removals from e) as removals, (select to_removal from e) as to_removal"
                        + " from d left join r using (case_id) left join m using (case_id) where d.at >= ? and d.at < ?",
                (rs, row) -> new TransparencyReport.Decisions(
                        rs.getLong("total"),
                        rs.getLong("with_action"),
                        rs.getLong("total") - rs.getLong("with_action"),
                        rs.getLong("automated"),
                        hours(rs, "to_decision"),
                        rs.getLong("actions"),
                        hours(rs, "to_action"),
                        rs.getLong("removals"),
                        hours(rs, "to_removal")),
                NOTICE_DECIDED,
                NOTICE_RECEIVED,
                MEASURE_APPLIED,
                start,
                end,
                ENFORCEMENT_RECORDED,
                MEASURE_APPLIED,
                start,
                end,
                start,
                end);
    }

    private TransparencyReport.Complaints complaints(OffsetDateTime start, OffsetDateTime end) {
        long filed = count(APPEAL_FILED, start, end);
        return jdbc.queryForObject(
                """
                with f as (select payload::jsonb ->> 'appealId' as complaint, occurred_at as at from audit_ledger
                           where event_type = ?),
                     a as (select payload::jsonb ->> 'complaintId' as complaint, occurred_at as at,
                                  payload::jsonb ->> 'outcome' as outcome
                           from audit_ledger where event_type = ?)
                select count(*) as decided, count(*) filter (where a.outcome = 'REVERSE') as reversed,
                       percentile_cont(0.5) within group (order by extract(epoch from a.at - f.at)::float8) as to_decide
                from a left join f using (complaint) where a.at >= ? and a.at < ?""",
                (rs, row) -> new TransparencyReport.Complaints(
                        filed, rs.getLong("decided"), rs.getLong("reversed"), hours(rs, "to_decide")),
                APPEAL_FILED,
                APPEAL_DECIDED,
                start,
                end);
    }

    private TransparencyReport.CounterNotices counterNotices(OffsetDateTime start, OffsetDateTime end) {
        // a lift recorded before lifts named their cause is counted as such, not left out of the breakdown; the end of
        // an account measure of the repeat-infringer policy is a reinstatement, counted with the account's standing
        SortedMap<String, Long> byCause = new TreeMap<>();
        jdbc.query(
                "select coalesce(payload::jsonb ->> 'cause', ?) as cause, count(*) as n from audit_ledger"
                        + " where event_type = ? and " + RegulatorFigures.DECISIONS_MEASURE
                        + " and occurred_at >= ? and occurred_at < ? group by 1",
                rs -> {
                    byCause.put(rs.getString("cause"), rs.getLong("n"));
                },
                TransparencyReport.CounterNotices.CAUSE_NOT_RECORDED,
                MEASURE_LIFTED,
                start,
                end);
        return jdbc.queryForObject(
                "select count(*) as lifted, count(distinct case_id) as cases from audit_ledger"
                        + " where event_type = ? and " + RegulatorFigures.DECISIONS_MEASURE
                        + " and occurred_at >= ? and occurred_at < ?",
                (rs, row) -> new TransparencyReport.CounterNotices(
                        count(COUNTER_NOTICE_FILED, start, end),
                        rs.getLong("lifted"),
                        rs.getLong("cases"),
                        Collections.unmodifiableSortedMap(byCause)),
                MEASURE_LIFTED,
                start,
                end);
    }

    private long count(String eventType, OffsetDateTime start, OffsetDateTime end) {
        return jdbc.queryForObject(
                "select count(*) from audit_ledger where event_type = ? and occurred_at >= ?" + " and occurred_at < ?",
                Long.class,
                eventType,
                start,
                end);
    }

    /** Rows of (at, s = seconds since receipt, null when the receipt is not in the ledger) grouped by UTC day. */
    private Map<LocalDate, Timing> timingsByDay(String timings, double targetSeconds, Object... args) {
        Map<LocalDate, Timing> byDay = new TreeMap<>();
        jdbc.query(
                "select (at at time zone 'UTC')::date as day, count(*) as n,"
                        + " percentile_cont(0.5) within group (order by s) as median,"
                        + " percentile_cont(0.9) within group (order by s) as p90,"
                        + " count(*) filter (where s > ?) as breaches from (" + timings + ") t group by 1",
                rs -> {
                    byDay.put(
                            rs.getObject("day", LocalDate.class),
                            new Timing(rs.getLong("n"), hours(rs, "median"), hours(rs, "p90"), rs.getLong("breaches")));
                },
                prepend(targetSeconds, args));
        return byDay;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Double hours(ResultSet rs, String column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : seconds / 3600;
    }

    private static OffsetDateTime start(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        return from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime end(LocalDate to) {
        return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private record Timing(long count, Double median, Double p90, long breaches) {
        static final Timing NONE = new Timing(0, null, null, 0);
    }
}
