package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takedown.audit.RetentionReport.ClassDue;
import dev.takedown.audit.RetentionReport.RecordClass;
import dev.takedown.audit.internal.AuditProperties;
import dev.takedown.audit.internal.EventTypes;
import dev.takedown.audit.internal.LedgerAppender;
import dev.takedown.audit.internal.RetentionProperties;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention per record class with legal hold (R34): reports what is due, and purges the content of due records.
 *
 * <p><b>What a purge removes, and what remains.</b> From record format 4 on, a record's hash covers a commitment
 * SHA-256(salt || payload) instead of the payload, with a random 16-byte salt per record. A purge sets payload and
 * salt to NULL (through the database function {@code audit_ledger_purge}, the only update the ledger's trigger
 * allows, and only for cases without a legal hold) and records when and under which class. Everything else stays:
 * event id, type, topic, case id, actor, legal basis, policy version, time, the commitment, the hash and the link to
 * the previous record. So the chain and every signed checkpoint still verify, and the ledger still proves that the
 * record existed and when, while its content (the personal data) is gone; without the salt the commitment cannot be
 * tested against guessed content. Each run appends one {@code retention-purged} record with, per
 * class, the cutoff and the number purged: counts only, no content.
 *
 * <p>Records of formats 1–3 (written before format 4) hash their payload directly and cannot be purged without
 * breaking the chain; they stay, and the daily report keeps counting them as due, so the remainder is visible.
 */
@Service
public class Retention {

    /** How many due case ids a report lists per class. */
    public static final int SAMPLE = 20;

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerAppender ledger;
    private final RetentionProperties periods;
    private final boolean restrictedRole;
    private final Clock clock;

    @Autowired
    public Retention(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            LedgerAppender ledger,
            RetentionProperties periods,
            AuditProperties audit) {
        this(jdbc, transactions, ledger, periods, audit.restrictedRole(), Clock.systemUTC());
    }

    /** With the clock the nightly runs read, so that a calendar can be walked through (the ledger's tests). */
    public Retention(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            LedgerAppender ledger,
            RetentionProperties periods,
            boolean restrictedRole,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.ledger = ledger;
        this.periods = periods;
        this.restrictedRole = restrictedRole;
        this.clock = clock;
    }

    public RetentionReport due(Instant asOf) {
        return new RetentionReport(
                asOf,
                List.of(
                        caseFiles(asOf),
                        byRecord(RecordClass.ACCESS_LOGS, periods.accessLogs(), Topics.ACCESS_LOG, asOf),
                        byRecord(RecordClass.INBOUND_NOTICES, periods.inboundNotices(), Topics.NOTICES_INBOUND, asOf),
                        byRecord(
                                RecordClass.UNLABELLED_OUTPUTS,
                                periods.unlabelledOutputs(),
                                Topics.UNLABELLED_OUTPUTS,
                                asOf)));
    }

    @Scheduled(cron = "${takedown.audit.retention.check-cron:0 30 3 * * *}")
    void reportDue() {
        for (ClassDue due : due(clock.instant()).classes()) {
            if (due.recordsDue() > 0 || due.casesHeld() > 0) {
                log.warn(
                        "Retention: {} records of class {} ({} cases) are past {} and still hold content (the purge"
                                + " keeps records written before format 4); {} cases are under legal hold",
                        due.recordsDue(),
                        due.recordClass(),
                        due.casesDue(),
                        due.period(),
                        due.casesHeld());
            }
        }
    }

    @Scheduled(cron = "${takedown.audit.retention.purge-cron:0 45 3 * * *}")
    void purgeDue() {
        List<Purged> purged = purge(clock.instant());
        log.info("Retention purge: {}", purged);
    }

    /**
     * Purges the payload of every format-4 record that {@link #due} counts as due as of {@code asOf}, except in cases
     * under legal hold, and appends one ledger record saying how many per class; one transaction.
     */
    public List<Purged> purge(Instant asOf) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transaction.execute(status -> {
            if (restrictedRole) {
                // the ledger role may not update: the purge goes through the SECURITY DEFINER function only
                jdbc.execute("set local role takedown_ledger");
            }
            Instant caseFiles = cutoff(asOf, periods.caseFiles());
            Instant accessLogs = cutoff(asOf, periods.accessLogs());
            Instant inboundNotices = cutoff(asOf, periods.inboundNotices());
            Instant unlabelledOutputs = cutoff(asOf, periods.unlabelledOutputs());
            List<Purged> purged = List.of(
                    purge(
                            RecordClass.CASE_FILES,
                            caseFiles,
                            now,
                            " topic not in (?, ?, ?) and (case_id is null and"
                                    + " occurred_at < ? or case_id in (select case_id from audit_ledger where topic not in"
                                    + " (?, ?, ?) and case_id is not null group by case_id having max(occurred_at) < ?))",
                            Topics.ACCESS_LOG,
                            Topics.NOTICES_INBOUND,
                            Topics.UNLABELLED_OUTPUTS,
                            utc(caseFiles),
                            Topics.ACCESS_LOG,
                            Topics.NOTICES_INBOUND,
                            Topics.UNLABELLED_OUTPUTS,
                            utc(caseFiles)),
                    purge(
                            RecordClass.ACCESS_LOGS,
                            accessLogs,
                            now,
                            " topic = ? and occurred_at < ?",
                            Topics.ACCESS_LOG,
                            utc(accessLogs)),
                    purge(
                            RecordClass.INBOUND_NOTICES,
                            inboundNotices,
                            now,
                            " topic = ? and occurred_at < ?",
                            Topics.NOTICES_INBOUND,
                            utc(inboundNotices)),
                    purge(
                            RecordClass.UNLABELLED_OUTPUTS,
                            unlabelledOutputs,
                            now,
                            " topic = ? and occurred_at < ?",
                            Topics.UNLABELLED_OUTPUTS,
                            utc(unlabelledOutputs)));
            ObjectNode fact = JsonNodeFactory.instance.objectNode();
            fact.put("asOf", asOf.toString());
            ArrayNode classes = fact.putArray("classes");
            purged.forEach(p -> classes.addObject()
                    .put("recordClass", p.recordClass().name())
                    .put("cutoff", p.cutoff().toString())
                    .put("purged", p.records()));
            ledger.appendFact(EventTypes.RETENTION_PURGED, null, TakedownEvent.SYSTEM, now, fact);
            return purged;
        });
    }

    /** The function skips held cases, other formats and purged rows itself; this picks what the class makes due. */
    private Purged purge(RecordClass recordClass, Instant cutoff, Instant at, String due, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = recordClass.name();
        all[1] = utc(at);
        System.arraycopy(args, 0, all, 2, args.length);
        Long count = jdbc.queryForObject(
                "select audit_ledger_purge(array_agg(chain), array_agg(seq), ?, ?) from"
                        + " (select chain, seq from audit_ledger where format = 4 and purged_at is null and" + due
                        + ") d",
                Long.class,
                all);
        return new Purged(recordClass, cutoff, count == null ? 0 : count);
    }

    /**
     * A case's files are due when its last record (other than an access log) is older than the period; records
     * whose content is purged already no longer count.
     */
    private ClassDue caseFiles(Instant asOf) {
        Instant cutoff = cutoff(asOf, periods.caseFiles());
        String cases = "with cases as (select case_id, max(occurred_at) as last,"
                + " count(*) filter (where purged_at is null) as n from audit_ledger"
                + " where topic not in (?, ?, ?) and case_id is not null group by case_id),"
                + " due as (select cases.*, exists (select 1 from audit_legal_hold h where h.case_id = cases.case_id)"
                + " as held from cases where last < ? and n > 0) ";
        Object[] args = {Topics.ACCESS_LOG, Topics.NOTICES_INBOUND, Topics.UNLABELLED_OUTPUTS, utc(cutoff)};
        long loose = jdbc.queryForObject(
                "select count(*) from audit_ledger where topic not in (?, ?, ?)"
                        + " and case_id is null and occurred_at < ? and purged_at is null",
                Long.class,
                args);
        return jdbc.queryForObject(
                cases + "select count(*) filter (where not held) as cases_due,"
                        + " coalesce(sum(n) filter (where not held), 0) as records_due,"
                        + " count(*) filter (where held) as cases_held from due",
                (rs, row) -> new ClassDue(
                        RecordClass.CASE_FILES,
                        periods.caseFiles(),
                        cutoff,
                        rs.getLong("records_due") + loose,
                        rs.getLong("cases_due"),
                        rs.getLong("cases_held"),
                        jdbc.queryForList(
                                cases + "select case_id from due where not held order by last, case_id" + " limit "
                                        + SAMPLE,
                                String.class,
                                args)),
                args);
    }

    private ClassDue byRecord(RecordClass recordClass, Period period, String topic, Instant asOf) {
        Instant cutoff = cutoff(asOf, period);
        String due = "with due as (select case_id, occurred_at, case_id is not null and exists (select 1 from"
                + " audit_legal_hold h where h.case_id = l.case_id) as held from audit_ledger l"
                + " where topic = ? and occurred_at < ? and purged_at is null) ";
        return jdbc.queryForObject(
                due + "select count(*) filter (where not held) as records_due,"
                        + " count(distinct case_id) filter (where not held) as cases_due,"
                        + " count(distinct case_id) filter (where held) as cases_held from due",
                (rs, row) -> new ClassDue(
                        recordClass,
                        period,
                        cutoff,
                        rs.getLong("records_due"),
                        rs.getLong("cases_due"),
                        rs.getLong("cases_held"),
                        jdbc.queryForList(
                                due + "select case_id from due where not held and case_id is not null"
                                        + " group by case_id order by min(occurred_at), case_id limit " + SAMPLE,
                                String.class,
                                topic,
                                utc(cutoff))),
                topic,
                utc(cutoff));
    }

    /** What one run purged of one class: records whose payload was removed, as of {@code cutoff}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Purged(RecordClass recordClass, Instant cutoff, long records) {}

    private static Instant cutoff(Instant asOf, Period period) {
        return asOf.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
