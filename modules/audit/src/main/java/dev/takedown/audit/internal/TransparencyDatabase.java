package dev.takedown.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.takedown.audit.LedgerRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statements of reasons to the DSA Transparency Database (Art. 24(5), R17): builds one per EU_DSA decision that
 * restricted (an accepting decision, or a complaint's reversal of a decision to take no action) with a measure in
 * effect, one per lift that restored something (the restriction with the day it ended), and one per account measure
 * of the repeat-infringer policy and per end of one (Art. 23, decisions of their own), validates it locally, and sends
 * pending ones in batches to the multiple-statements endpoint, which answers 201. Transient failures (network, 5xx,
 * 429) are retried with exponential back-off and then wait for the next run. A 422 naming puids the TDB already holds
 * is not a failure: the statement is there, so it is reconciled and the rest of the batch is sent again; any other 422
 * is narrowed down to the statements at fault.
 */
public final class TransparencyDatabase {

    private static final Logger log = LoggerFactory.getLogger(TransparencyDatabase.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PREPARE_LIMIT = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TdbProperties properties;
    private final StatementBuilder builder;
    private final HttpClient http;
    private final Clock clock;

    public TransparencyDatabase(
            JdbcTemplate jdbc, PlatformTransactionManager transactions, TdbProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.builder = new StatementBuilder(
                properties.territorialScope(),
                properties.termsClause(),
                properties.termsUrl() == null || properties.termsUrl().isBlank() ? null : properties.termsUrl());
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${takedown.audit.tdb.interval:PT1M}",
            initialDelayString = "${takedown.audit.tdb.interval:PT1M}")
    void run() {
        if (properties.endpoint().isEmpty()) {
            return;
        }
        prepare();
        submitPending();
    }

    /**
     * Builds and stores the statements that have none yet (decisions, lifts, and the repeat-infringer policy's
     * account measures and their ends); returns how many were stored.
     */
    public int prepare() {
        Instant settled = clock.instant().minus(properties.settle());
        // the decisions that restrict: accepting a notice, or a complaint's reversal of a decision to take no action
        // (its measures follow it); a reversal of a suspension restricts nothing
        List<Map<String, Object>> decisions = jdbc.queryForList(
                """
                with decisions as (
                  select case_id, occurred_at, payload::jsonb ->> 'decisionId' as decision_id, false as on_complaint
                  from audit_ledger
                  where event_type = ? and payload::jsonb ->> 'outcome' = 'ACCEPT'
                    and payload::jsonb ->> 'decisionId' is not null
                  union all
                  select case_id, occurred_at, payload::jsonb ->> 'appealId', true
                  from audit_ledger
                  where event_type = ? and payload::jsonb ->> 'outcome' = 'REVERSE'
                    and payload::jsonb ->> 'appealId' is not null
                    and jsonb_typeof(payload::jsonb -> 'measures') = 'array'
                    and jsonb_array_length(payload::jsonb -> 'measures') > 0
                    and coalesce(payload::jsonb ->> 'subject', '') <> 'SUSPENSION')
                select d.case_id, d.decision_id
                from decisions d
                where not exists (select 1 from audit_tdb_statement s where s.puid = d.decision_id)
                  and exists (select 1 from audit_ledger r where r.case_id = d.case_id and r.event_type = ?
                              and r.payload::jsonb -> 'jurisdictionProfiles' @> cast(? as jsonb))
                  and (select min(m.occurred_at) from audit_ledger m
                       where m.case_id = d.case_id and m.event_type = ?
                         and m.payload::jsonb ->> 'standingChangeId' is null
                         and (not d.on_complaint or m.occurred_at >= d.occurred_at)) < ?
                order by d.occurred_at limit ?""",
                EventTypes.NOTICE_DECIDED,
                EventTypes.APPEAL_DECIDED,
                EventTypes.NOTICE_RECEIVED,
                "[\"" + StatementBuilder.PROFILE + "\"]",
                EventTypes.MEASURE_APPLIED,
                OffsetDateTime.ofInstant(settled, ZoneOffset.UTC),
                PREPARE_LIMIT);
        int stored = 0;
        for (Map<String, Object> decision : decisions) {
            String caseId = (String) decision.get("case_id");
            String decisionId = (String) decision.get("decision_id");
            stored += store(decisionId, caseId, builder.build(decisionId, records(caseId)));
        }
        // the lifts that restored something: the first record of each (the measures one step lifted share its time
        // and cause). A lift recorded before lifts named a cause is reported with its cause not recorded, unless a
        // measure of its case was applied at the same instant: that was a wider filter replacing it, nothing restored
        List<Map<String, Object>> lifts = jdbc.queryForList(
                """
                select l.case_id, l.event_id
                from audit_ledger l
                where l.event_type = ?
                  and l.payload::jsonb ->> 'standingChangeId' is null
                  and coalesce(l.payload::jsonb ->> 'cause', '') <> 'SUPERSEDED'
                  and not (l.payload::jsonb ->> 'cause' is null
                           and exists (select 1 from audit_ledger a where a.case_id = l.case_id
                                       and a.event_type = ? and a.occurred_at = l.occurred_at
                                       and a.payload::jsonb ->> 'standingChangeId' is null))
                  and l.occurred_at < ?
                  and not exists (select 1 from audit_ledger o
                                  where o.case_id = l.case_id and o.event_type = l.event_type
                                    and o.occurred_at = l.occurred_at
                                    and o.payload::jsonb ->> 'standingChangeId' is null
                                    and o.payload::jsonb ->> 'cause' is not distinct from l.payload::jsonb ->> 'cause'
                                    and o.event_id < l.event_id)
                  and not exists (select 1 from audit_tdb_statement s where s.puid = 'lift-' || l.event_id)
                  and exists (select 1 from audit_ledger r where r.case_id = l.case_id and r.event_type = ?
                              and r.payload::jsonb -> 'jurisdictionProfiles' @> cast(? as jsonb))
                order by l.occurred_at limit ?""",
                EventTypes.MEASURE_LIFTED,
                EventTypes.MEASURE_APPLIED,
                OffsetDateTime.ofInstant(settled, ZoneOffset.UTC),
                EventTypes.NOTICE_RECEIVED,
                "[\"" + StatementBuilder.PROFILE + "\"]",
                PREPARE_LIMIT);
        for (Map<String, Object> lift : lifts) {
            String caseId = (String) lift.get("case_id");
            String puid = StatementBuilder.liftPuid((String) lift.get("event_id"));
            stored += store(puid, caseId, builder.buildLift(puid, records(caseId)));
        }
        // the repeat-infringer policy's account measures, each a decision of its own, once the standing change it
        // carried out is recorded too (it arrives on another topic)
        List<Map<String, Object>> accounts = jdbc.queryForList(
                """
                select m.case_id, m.payload::jsonb ->> 'measureId' as measure_id
                from audit_ledger m
                where m.event_type = ?
                  and m.payload::jsonb ->> 'standingChangeId' is not null
                  and m.payload::jsonb ->> 'measureId' is not null
                  and m.occurred_at < ?
                  and not exists (select 1 from audit_tdb_statement s
                                  where s.puid = 'account-' || (m.payload::jsonb ->> 'measureId'))
                  and exists (select 1 from audit_ledger c where c.case_id = m.case_id and c.event_type = ?
                              and c.payload::jsonb ->> 'changeId' = m.payload::jsonb ->> 'standingChangeId')
                  and exists (select 1 from audit_ledger r where r.case_id = m.case_id and r.event_type = ?
                              and r.payload::jsonb -> 'jurisdictionProfiles' @> cast(? as jsonb))
                order by m.occurred_at limit ?""",
                EventTypes.MEASURE_APPLIED,
                OffsetDateTime.ofInstant(settled, ZoneOffset.UTC),
                EventTypes.STANDING_CHANGED,
                EventTypes.NOTICE_RECEIVED,
                "[\"" + StatementBuilder.PROFILE + "\"]",
                PREPARE_LIMIT);
        for (Map<String, Object> account : accounts) {
            String caseId = (String) account.get("case_id");
            String measureId = (String) account.get("measure_id");
            stored += store(
                    StatementBuilder.accountPuid(measureId), caseId, builder.buildAccount(measureId, records(caseId)));
        }
        // and their ends: one statement per lift, never grouped with the case's lifts
        List<Map<String, Object>> accountLifts = jdbc.queryForList(
                """
                select l.case_id, l.event_id
                from audit_ledger l
                where l.event_type = ?
                  and l.payload::jsonb ->> 'standingChangeId' is not null
                  and coalesce(l.payload::jsonb ->> 'cause', '') <> 'SUPERSEDED'
                  and l.occurred_at < ?
                  and not exists (select 1 from audit_tdb_statement s where s.puid = 'account-lift-' || l.event_id)
                  and exists (select 1 from audit_ledger m where m.case_id = l.case_id and m.event_type = ?
                              and m.payload::jsonb ->> 'measureId' = l.payload::jsonb ->> 'measureId')
                  and exists (select 1 from audit_ledger c where c.case_id = l.case_id and c.event_type = ?
                              and c.payload::jsonb ->> 'changeId' = l.payload::jsonb ->> 'standingChangeId')
                  and exists (select 1 from audit_ledger r where r.case_id = l.case_id and r.event_type = ?
                              and r.payload::jsonb -> 'jurisdictionProfiles' @> cast(? as jsonb))
                order by l.occurred_at limit ?""",
                EventTypes.MEASURE_LIFTED,
                OffsetDateTime.ofInstant(settled, ZoneOffset.UTC),
                EventTypes.MEASURE_APPLIED,
                EventTypes.STANDING_CHANGED,
                EventTypes.NOTICE_RECEIVED,
                "[\"" + StatementBuilder.PROFILE + "\"]",
                PREPARE_LIMIT);
        for (Map<String, Object> lift : accountLifts) {
            String caseId = (String) lift.get("case_id");
            String puid = StatementBuilder.accountLiftPuid((String) lift.get("event_id"));
            stored += store(puid, caseId, builder.buildAccountLift(puid, records(caseId)));
        }
        return stored;
    }

    private List<LedgerRecord> records(String caseId) {
        return jdbc.query(
                LedgerRows.SELECT + " where case_id = ?" + " order by occurred_at, chain, seq",
                LedgerRows.MAPPER,
                caseId);
    }

    /** Keeps the statement, pending or with the fields at fault; 1 if it was new. */
    private int store(String puid, String caseId, Optional<StatementOfReasons> statement) {
        if (statement.isEmpty()) {
            return 0;
        }
        List<StatementValidator.Problem> problems = StatementValidator.problems(statement.get());
        return jdbc.update(
                "insert into audit_tdb_statement (puid, case_id, state, statement, problem)"
                        + " values (?, ?, ?, ?, ?) on conflict (puid) do nothing",
                puid,
                caseId,
                problems.isEmpty() ? "PENDING" : "INVALID",
                write(statement.get()),
                problems.isEmpty()
                        ? null
                        : problems.stream().map(Object::toString).collect(Collectors.joining("; ")));
    }

    /**
     * Sends pending statements batch by batch until none are left or a batch fails after all its attempts.
     * Rows are locked while their batch is out, so two nodes never send the same statement.
     */
    public void submitPending() {
        URI endpoint = properties
                .endpoint()
                .orElseThrow(() -> new IllegalStateException("takedown.audit.tdb.url" + " is not set"));
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transaction.execute(status -> {
                List<Pending> batch = jdbc.query(
                        "select puid, statement from audit_tdb_statement"
                                + " where state = 'PENDING' order by created_at, puid limit ? for update skip locked",
                        (rs, row) -> new Pending(rs.getString("puid"), rs.getString("statement")),
                        properties.batchSize());
                return !batch.isEmpty() && send(endpoint, batch) && batch.size() == properties.batchSize();
            }));
        }
    }

    /** False when the batch is still pending after all attempts. */
    private boolean send(URI endpoint, List<Pending> batch) {
        Answer answer = post(endpoint, batch);
        return switch (answer.status()) {
            case 201 -> {
                Map<String, JsonNode> created = byPuid(answer.body().path("statements"));
                for (Pending p : batch) {
                    JsonNode saved = created.getOrDefault(p.puid(), NullNode.instance);
                    settle(
                            p.puid(),
                            "SUBMITTED",
                            null,
                            answer.attempts(),
                            saved.path("uuid").asText(null),
                            saved.path("permalink").asText(null));
                }
                yield true;
            }
            case 422 -> unprocessable(endpoint, batch, answer);
            default -> {
                for (Pending p : batch) {
                    jdbc.update(
                            "update audit_tdb_statement set attempts = attempts + ?, problem = ?, updated_at = ?"
                                    + " where puid = ?",
                            answer.attempts(),
                            answer.problem(),
                            now(),
                            p.puid());
                }
                log.warn(
                        "TDB submission of {} statements failed after {} attempts: {}",
                        batch.size(),
                        answer.attempts(),
                        answer.problem());
                yield false;
            }
        };
    }

    private boolean unprocessable(URI endpoint, List<Pending> batch, Answer answer) {
        Set<String> duplicates = duplicates(answer.body(), batch);
        if (!duplicates.isEmpty()) {
            JsonNode existing = answer.body().path("existing");
            for (String puid : duplicates) {
                settle(
                        puid,
                        "RECONCILED",
                        "the TDB already holds this puid",
                        answer.attempts(),
                        existing.path("uuid").asText(null),
                        existing.path("permalink").asText(null));
            }
            List<Pending> rest =
                    batch.stream().filter(p -> !duplicates.contains(p.puid())).toList();
            return rest.isEmpty() || send(endpoint, rest);
        }
        if (batch.size() > 1) {
            // the TDB names statements by their index in the call; sending one by one finds the faulty ones and
            // lets the others through
            boolean all = true;
            for (Pending p : batch) {
                all &= send(endpoint, List.of(p));
            }
            return all;
        }
        settle(batch.get(0).puid(), "REJECTED", answer.problem(), answer.attempts(), null, null);
        return true;
    }

    /**
     * The puids the TDB says it already holds: its multiple-statements answer lists them in
     * {@code errors.existing_puids}; its single-statement answer only says the puid is "not unique" (or "already
     * exists"), which identifies the statement only when it was sent alone.
     */
    private static Set<String> duplicates(JsonNode body, List<Pending> batch) {
        Set<String> sent = batch.stream().map(Pending::puid).collect(Collectors.toSet());
        Set<String> duplicates = new HashSet<>();
        body.path("errors").path("existing_puids").forEach(p -> {
            if (sent.contains(p.asText())) {
                duplicates.add(p.asText());
            }
        });
        if (duplicates.isEmpty() && batch.size() == 1) {
            String said =
                    (body.path("message").asText("") + " " + body.path("errors").path("puid")).toLowerCase(Locale.ROOT);
            if (said.contains("puid") || body.path("errors").has("puid")) {
                if (said.contains("not unique") || said.contains("already exists")) {
                    duplicates.add(batch.get(0).puid());
                }
            }
        }
        return duplicates;
    }

    private Answer post(URI endpoint, List<Pending> batch) {
        ArrayNode statements = JsonNodeFactory.instance.arrayNode();
        batch.forEach(p -> statements.add(CanonicalJson.read(p.statement()).orElseThrow()));
        String body = JsonNodeFactory.instance
                .objectNode()
                .set("statements", statements)
                .toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (properties.token() != null && !properties.token().isBlank()) {
            request.header("Authorization", "Bearer " + properties.token());
        }
        String problem = null;
        long backoff = properties.initialBackoff().toMillis();
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201 || response.statusCode() == 422) {
                    return new Answer(
                            response.statusCode(),
                            read(response.body()),
                            attempt,
                            "HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
                }
                problem = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            } catch (IOException e) {
                problem = "no answer: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, NullNode.instance, attempt, "interrupted");
            }
            if (attempt < properties.maxAttempts()) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Answer(0, NullNode.instance, attempt, problem);
                }
                backoff *= 2;
            }
        }
        return new Answer(0, NullNode.instance, properties.maxAttempts(), problem);
    }

    private void settle(String puid, String state, String problem, int attempts, String uuid, String permalink) {
        jdbc.update(
                "update audit_tdb_statement set state = ?, problem = ?, attempts = attempts + ?, tdb_uuid = ?,"
                        + " permalink = ?, updated_at = ? where puid = ?",
                state,
                problem,
                attempts,
                uuid,
                permalink,
                now(),
                puid);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Map<String, JsonNode> byPuid(JsonNode statements) {
        Map<String, JsonNode> byPuid = new HashMap<>();
        statements.forEach(s -> byPuid.put(s.path("puid").asText(), s));
        return byPuid;
    }

    private static JsonNode read(String body) {
        return body == null ? NullNode.instance : CanonicalJson.read(body).orElse(NullNode.instance);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 1000 ? body.substring(0, 1000) + "…" : body;
    }

    private static String write(StatementOfReasons statement) {
        try {
            return JSON.writeValueAsString(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statement is plain strings and lists", e);
        }
    }

    private record Pending(String puid, String statement) {}

    /** status 0: no usable answer after {@code attempts} tries. */
    private record Answer(int status, JsonNode body, int attempts, String problem) {}
}
