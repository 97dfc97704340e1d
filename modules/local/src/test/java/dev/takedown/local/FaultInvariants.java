package dev.takedown.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.Provenance;
import dev.takedown.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What must hold after any fault, checked against the database, the topics and the audit API:
 * <ol>
 * <li>the outbox drains: no {@code event_publication} row without {@code completion_date} after a timeout;</li>
 * <li>every acknowledged notice (a 201 the test recorded) is persisted, and its {@code NoticeReceived} is on
 * {@code takedown.notice-events};</li>
 * <li>exactly one {@code notice-lifecycle} instance (runtime or history) and one {@code workflow_case} row per case
 * with disposition PROCESS (not joined, not logged-not-processed), none for the others;</li>
 * <li>one effect per event: no two APPLIED measures with the same (case, type, target); per measure id exactly one
 * distinct {@code ce_id} among the {@code MeasureApplied} records on {@code takedown.measures} (redeliveries repeat
 * the id), and one for every measure in effect; one {@code letter} per (case, recipient, kind);</li>
 * <li>the ledger: every {@code ce_id} on our topics recorded (once: {@code event_id} is unique), sequence numbers
 * gapless per chain, {@code /api/audit/verify} intact.</li>
 * </ol>
 */
final class FaultInvariants {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVENT_TOPICS =
            Topics.ALL.stream().filter(t -> !Provenance.isExternal(t)).toList();

    private final JdbcTemplate jdbc;
    private final FaultKafka kafka;
    private final String appUrl;
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    private FaultInvariants(JdbcTemplate jdbc, FaultKafka kafka, String appUrl) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.appUrl = appUrl;
    }

    /** Checks everything and throws with every violation found; returns the figures otherwise. */
    static Map<String, Object> assertHold(
            JdbcTemplate jdbc, FaultKafka kafka, String appUrl, Collection<String> acknowledged, Duration patience) {
        FaultInvariants check = new FaultInvariants(jdbc, kafka, appUrl);
        check.run(acknowledged, patience);
        if (!check.violations.isEmpty()) {
            throw new AssertionError(
                    "invariants violated:\n  " + String.join("\n  ", check.violations) + "\nfigures: " + check.figures);
        }
        return check.figures;
    }

    private void run(Collection<String> acknowledged, Duration patience) {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        long open = outboxOpen();
        while (open > 0 && System.nanoTime() < deadline) {
            ChildProcesses.sleep(250);
            open = outboxOpen();
        }
        figures.put("outbox drained in ms", (System.nanoTime() - start) / 1_000_000);
        if (open > 0) {
            violations.add("outbox not drained: " + open + " publications incomplete after " + patience + ": "
                    + jdbc.queryForList("select event_type, listener_id from event_publication "
                            + "where completion_date is null limit 5"));
        }
        persisted(acknowledged);
        processes();
        List<FaultKafka.Rec> records;
        // the ledger and the topics: the consumer may still be catching up, so the comparison is awaited
        Set<String> missing;
        do {
            records = kafka.readAll(Topics.ALL);
            Set<String> ids = records.stream()
                    .filter(r -> r.ceId() != null)
                    .map(FaultKafka.Rec::ceId)
                    .collect(Collectors.toCollection(HashSet::new));
            missing = new HashSet<>(ids);
            missing.removeAll(new HashSet<>(jdbc.queryForList("select event_id from audit_ledger", String.class)));
            if (missing.isEmpty()) {
                break;
            }
            ChildProcesses.sleep(500);
        } while (System.nanoTime() < deadline);
        if (!missing.isEmpty()) {
            violations.add(missing.size() + " events on Kafka but not in the ledger, e.g. "
                    + missing.stream().limit(3).toList());
        }
        figures.put("kafka records", records.size());
        received(acknowledged, records);
        effects(records);
        ledger();
    }

    private long outboxOpen() {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
    }

    private void persisted(Collection<String> acknowledged) {
        Set<String> found = new HashSet<>(jdbc.queryForList("select id::text from notice", String.class));
        List<String> lost =
                acknowledged.stream().filter(id -> !found.contains(id)).toList();
        figures.put("acknowledged", acknowledged.size());
        figures.put("notices persisted", found.size());
        if (!lost.isEmpty()) {
            violations.add(lost.size() + " acknowledged notices lost: " + lost);
        }
    }

    private void processes() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select n.id::text as case_id,
                       (n.joined_case_id is null and n.status <> 'LOGGED_NOT_PROCESSED') as process,
                       (select count(*) from act_hi_procinst p where p.business_key_ = n.id::text
                          and p.proc_def_key_ = 'notice-lifecycle') as instances,
                       (select count(*) from workflow_case w where w.case_id = n.id::text) as guards
                from notice n""");
        int wrong = 0;
        for (Map<String, Object> row : rows) {
            long expected = (Boolean) row.get("process") ? 1 : 0;
            if (((Number) row.get("instances")).longValue() != expected
                    || ((Number) row.get("guards")).longValue() != expected) {
                if (wrong++ < 5) {
                    violations.add("case " + row.get("case_id") + ": expected " + expected
                            + " lifecycle, found " + row.get("instances") + " instances and " + row.get("guards")
                            + " workflow_case rows");
                }
            }
        }
        figures.put(
                "lifecycles",
                rows.stream().filter(r -> (Boolean) r.get("process")).count());
        if (wrong > 5) {
            violations.add("… " + (wrong - 5) + " more cases with a wrong number of lifecycles");
        }
    }

    private void received(Collection<String> acknowledged, List<FaultKafka.Rec> records) {
        Set<String> received = records.stream()
                .filter(r ->
                        r.topic().equals(Topics.NOTICE_EVENTS) && "dev.takedown.notice.received.v1".equals(r.ceType()))
                .map(FaultKafka.Rec::key)
                .collect(Collectors.toSet());
        List<String> unpublished =
                acknowledged.stream().filter(id -> !received.contains(id)).toList();
        if (!unpublished.isEmpty()) {
            violations.add(unpublished.size() + " acknowledged notices without NoticeReceived on Kafka: "
                    + unpublished.stream().limit(5).toList());
        }
    }

    private void effects(List<FaultKafka.Rec> records) {
        List<Map<String, Object>> doubled = jdbc.queryForList("""
                select case_id, type, target_url, count(*) as n from measure where status = 'APPLIED'
                group by case_id, type, target_url having count(*) > 1""");
        if (!doubled.isEmpty()) {
            violations.add("measures applied twice: " + doubled);
        }
        Map<String, Set<String>> applied = new HashMap<>();
        int deliveries = 0;
        for (FaultKafka.Rec r : records) {
            if (r.topic().equals(Topics.MEASURES) && "dev.takedown.measure.applied.v1".equals(r.ceType())) {
                applied.computeIfAbsent(measureId(r), k -> new HashSet<>()).add(r.ceId());
                deliveries++;
            }
        }
        applied.forEach((measure, ids) -> {
            if (ids.size() != 1) {
                violations.add("measure " + measure + " has " + ids.size() + " distinct MeasureApplied events");
            }
        });
        List<String> inEffect =
                jdbc.queryForList("select id::text from measure where applied_at is not null", String.class);
        List<String> silent =
                inEffect.stream().filter(id -> !applied.containsKey(id)).toList();
        if (!silent.isEmpty()) {
            violations.add(silent.size() + " measures in effect without MeasureApplied on Kafka: " + silent);
        }
        figures.put("measures applied", inEffect.size());
        figures.put("MeasureApplied records", deliveries);
        List<Map<String, Object>> notified = jdbc.queryForList("""
                select case_id, recipient_role, recipient_party, kind, count(*) as n from letter
                where resent_from is null
                group by case_id, recipient_role, recipient_party, kind having count(*) > 1""");
        if (!notified.isEmpty()) {
            violations.add("letters written twice: " + notified);
        }
        figures.put("letters", jdbc.queryForObject("select count(*) from letter", Long.class));
    }

    private static String measureId(FaultKafka.Rec r) {
        try {
            return JSON.readTree(r.value()).get("measureId").asText();
        } catch (Exception e) {
            return r.key();
        }
    }

    private void ledger() {
        List<Map<String, Object>> chains = jdbc.queryForList(
                "select chain, count(*) as n, min(seq) as lo, max(seq) as hi from audit_ledger group by chain");
        long records = 0;
        for (Map<String, Object> c : chains) {
            long n = ((Number) c.get("n")).longValue();
            records += n;
            if (((Number) c.get("lo")).longValue() != 1 || ((Number) c.get("hi")).longValue() != n) {
                violations.add("chain " + c.get("chain") + " has gaps: " + c);
            }
        }
        figures.put("ledger records", records);
        Api.Response verify = Api.as(appUrl, "compliance").get("/api/audit/verify");
        if (verify.status() != 200 || !verify.json().get("intact").asBoolean()) {
            violations.add("audit chain not intact: " + verify.status() + " " + verify.body());
        }
    }

    /** Ids of all Kafka events (with a {@code ce_id}) on the event topics, for before/after comparisons. */
    static List<String> eventTopics() {
        return EVENT_TOPICS;
    }
}
