package dev.takedown.audit;

import dev.takedown.audit.RetentionReport.ClassDue;
import dev.takedown.audit.RetentionReport.RecordClass;
import dev.takedown.audit.internal.RetentionProperties;
import dev.takedown.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Retention per record class with legal hold (R34): reports what is due, purges nothing.
 *
 * <p><b>Decision: physical deletion is deferred.</b> The ledger is append-only and hash-chained: each record's hash
 * covers its payload and links to the next record, and signed Merkle checkpoints cover the hashes. Deleting or
 * rewriting a record — even only its payload — breaks every later link and every checkpoint over it, which is
 * exactly what the verifier is built to report as tampering; and the database role and triggers refuse it anyway.
 * Sound ways to purge while staying verifiable exist, but each changes what is hashed and needs its own migration
 * of the record format:
 * <ul>
 *   <li>hash a commitment to the payload (e.g. {@code H(salt || payload)}) instead of the payload, keep payload and
 *       salt in a separate deletable table, so erasure removes content but not the proof that a record existed;</li>
 *   <li>or keep personal data out of events altogether (reference ids only) and expire it in the owning module.</li>
 * </ul>
 * Until one of these is chosen, retention answers "what would be purged, and what does a hold keep", which is what
 * an auditor and a DPO need to plan the purge, and holds are enforced in that answer.
 *
 * <p><b>Consequence:</b> records past their period stay in the ledger; the daily report makes that visible rather than
 * silent. Records older than the retention period of personal data remain a compliance risk to be closed by the
 * format change above.
 */
@Service
public class Retention {

    /** How many due case ids a report lists per class. */
    public static final int SAMPLE = 20;

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcTemplate jdbc;
    private final RetentionProperties periods;
    private final Clock clock;

    @Autowired
    public Retention(JdbcTemplate jdbc, RetentionProperties periods) {
        this(jdbc, periods, Clock.systemUTC());
    }

    Retention(JdbcTemplate jdbc, RetentionProperties periods, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.clock = clock;
    }

    public RetentionReport due(Instant asOf) {
        return new RetentionReport(asOf, List.of(caseFiles(asOf), byRecord(RecordClass.ACCESS_LOGS,
                periods.accessLogs(), Topics.ACCESS_LOG, asOf), byRecord(RecordClass.INBOUND_NOTICES,
                periods.inboundNotices(), Topics.NOTICES_INBOUND, asOf)));
    }

    @Scheduled(cron = "${takedown.audit.retention.check-cron:0 30 3 * * *}")
    void reportDue() {
        for (ClassDue due : due(clock.instant()).classes()) {
            if (due.recordsDue() > 0 || due.casesHeld() > 0) {
                log.warn("Retention: {} records of class {} ({} cases) are past {} and kept because the ledger is"
                        + " append-only; {} cases are under legal hold", due.recordsDue(), due.recordClass(),
                        due.casesDue(), due.period(), due.casesHeld());
            }
        }
    }

    /** A case's files are due when its last record (other than an access log) is older than the period. */
    private ClassDue caseFiles(Instant asOf) {
        Instant cutoff = cutoff(asOf, periods.caseFiles());
        String cases = "with cases as (select case_id, max(occurred_at) as last, count(*) as n from audit_ledger"
                + " where topic not in (?, ?) and case_id is not null group by case_id),"
                + " due as (select cases.*, exists (select 1 from audit_legal_hold h where h.case_id = cases.case_id)"
                + " as held from cases where last < ?) ";
        Object[] args = {Topics.ACCESS_LOG, Topics.NOTICES_INBOUND, utc(cutoff)};
        long loose = jdbc.queryForObject("select count(*) from audit_ledger where topic not in (?, ?)"
                + " and case_id is null and occurred_at < ?", Long.class, args);
        return jdbc.queryForObject(cases + "select count(*) filter (where not held) as cases_due,"
                + " coalesce(sum(n) filter (where not held), 0) as records_due,"
                + " count(*) filter (where held) as cases_held from due",
                (rs, row) -> new ClassDue(RecordClass.CASE_FILES, periods.caseFiles(), cutoff,
                        rs.getLong("records_due") + loose, rs.getLong("cases_due"), rs.getLong("cases_held"),
                        jdbc.queryForList(cases + "select case_id from due where not held order by last, case_id"
                                + " limit " + SAMPLE, String.class, args)),
                args);
    }

    private ClassDue byRecord(RecordClass recordClass, Period period, String topic, Instant asOf) {
        Instant cutoff = cutoff(asOf, period);
        String due = "with due as (select case_id, occurred_at, case_id is not null and exists (select 1 from"
                + " audit_legal_hold h where h.case_id = l.case_id) as held from audit_ledger l"
                + " where topic = ? and occurred_at < ?) ";
        return jdbc.queryForObject(due + "select count(*) filter (where not held) as records_due,"
                + " count(distinct case_id) filter (where not held) as cases_due,"
                + " count(distinct case_id) filter (where held) as cases_held from due",
                (rs, row) -> new ClassDue(recordClass, period, cutoff, rs.getLong("records_due"),
                        rs.getLong("cases_due"), rs.getLong("cases_held"),
                        jdbc.queryForList(due + "select case_id from due where not held and case_id is not null"
                                + " group by case_id order by min(occurred_at), case_id limit " + SAMPLE,
                                String.class, topic, utc(cutoff))),
                topic, utc(cutoff));
    }

    private static Instant cutoff(Instant asOf, Period period) {
        return asOf.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
