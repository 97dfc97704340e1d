package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.takedown.events.InboundSignatures;
import java.io.IOException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends every record of every contract topic (as {@code messaging.LedgerFeed} receives them) to the hash-chained
 * ledger, once per event id: a whole poll in one transaction, each chain's head locked once.
 */
@Component
public class LedgerAppender {

    /** Topic of the facts the audit module records itself; no Kafka topic has this name. */
    public static final String INTERNAL_TOPIC = "audit.internal";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditProperties properties;
    private final InboundSignatures signatures;

    /** A ledger that knows no intake keys: every notice on the inbound topic is recorded as refused. */
    public LedgerAppender(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditProperties properties) {
        this(jdbc, transactions, properties, new InboundSignatures(Map.of()));
    }

    @Autowired
    public LedgerAppender(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            AuditProperties properties,
            IntakeProperties intake) {
        this(jdbc, transactions, properties, intake.signatures());
    }

    LedgerAppender(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            AuditProperties properties,
            InboundSignatures signatures) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.signatures = signatures;
    }

    /** One record in its own transaction; empty for a redelivery. */
    public OptionalLong append(ConsumerRecord<String, ?> record) {
        List<Appended> appended = appendAll(List.of(record));
        return appended.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(appended.get(0).seq());
    }

    /**
     * Appends the records, in order within each chain, skipping event ids already in the ledger or earlier in the
     * list (redeliveries), in one transaction: on a failure of the database the container redelivers the batch. A
     * record the ledger will not record ends the batch: the records before it are appended, and it is thrown as a
     * {@link RecordRejected} naming its position, so that only it is dead-lettered and the rest are redelivered.
     */
    public List<Appended> appendAll(List<? extends ConsumerRecord<String, ?>> records) {
        Instant receivedAt = Instant.now();
        Map<String, IncomingEvent> events = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            IncomingEvent event;
            try {
                event = IncomingEvent.of(records.get(i), properties.policyVersion(), receivedAt, signatures);
            } catch (RecordRejected rejected) {
                appendOneByOne(records.subList(0, i), events);
                throw rejected.at(i);
            }
            events.putIfAbsent(event.eventId(), event);
        }
        return appendOneByOne(records, events);
    }

    /**
     * The batch in one transaction; if the database refuses its content (a constraint the record check does not
     * know), record by record, to find the one to reject.
     */
    private List<Appended> appendOneByOne(
            List<? extends ConsumerRecord<String, ?>> records, Map<String, IncomingEvent> events) {
        try {
            return append(events);
        } catch (DuplicateKeyException seqTaken) {
            // a chain position already taken is the ledger's problem, not a record's: retried, never dead-lettered
            throw seqTaken;
        } catch (DataIntegrityViolationException refused) {
            List<Appended> appended = new ArrayList<>();
            Instant receivedAt = Instant.now();
            for (int i = 0; i < records.size(); i++) {
                IncomingEvent event =
                        IncomingEvent.of(records.get(i), properties.policyVersion(), receivedAt, signatures);
                try {
                    appended.addAll(append(Map.of(event.eventId(), event)));
                } catch (DuplicateKeyException seqTaken) {
                    throw seqTaken;
                } catch (DataIntegrityViolationException e) {
                    throw new RecordRejected(
                            "the ledger refused it: " + e.getMostSpecificCause().getMessage(), i, e);
                }
            }
            return appended;
        }
    }

    /**
     * Records a fact the audit module establishes itself (a legal hold placed, say), on topic
     * {@value #INTERNAL_TOPIC}: it is chained and checkpointed like every event. Joins the caller's transaction, and
     * switches it to the restricted role, so the caller must write its own tables before calling this.
     */
    public Appended appendFact(String eventType, String caseId, String actor, Instant occurredAt, JsonNode payload) {
        IncomingEvent fact = new IncomingEvent(
                UUID.randomUUID().toString(),
                INTERNAL_TOPIC,
                eventType,
                caseId,
                actor,
                null,
                properties.policyVersion(),
                occurredAt,
                payload);
        return append(Map.of(fact.eventId(), fact)).get(0);
    }

    private List<Appended> append(Map<String, IncomingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        // ascending chain order: two batches lock shared heads in the same order and cannot deadlock
        Map<Integer, List<IncomingEvent>> byChain = new TreeMap<>();
        events.values()
                .forEach(e -> byChain.computeIfAbsent(e.chain(properties.chains()), c -> new ArrayList<>())
                        .add(e));
        return transaction.execute(status -> {
            if (properties.restrictedRole()) {
                jdbc.execute("set local role takedown_ledger");
            }
            Map<Integer, Head> heads = lockHeads(byChain.keySet());
            // checked under the head locks: an event id always maps to the same chain, so no one else can be
            // appending it now
            Set<String> known = known(events.keySet());
            LegalBases bases = history(events.values());
            List<LedgerEntry> entries = new ArrayList<>();
            List<Appended> appended = new ArrayList<>();
            byChain.forEach((chain, chainEvents) -> {
                Head head = heads.get(chain);
                long seq = head.seq();
                String hash = head.hash();
                for (IncomingEvent incoming : chainEvents) {
                    if (known.contains(incoming.eventId())) {
                        continue;
                    }
                    // a case's records are on one chain and in order, so its history is complete when it is needed
                    IncomingEvent event = LedgerAppender.INTERNAL_TOPIC.equals(incoming.topic())
                            ? incoming
                            : incoming.withLegalBasis(
                                    bases.of(incoming.caseId(), incoming.eventType(), incoming.payload()));
                    bases.learn(event.caseId(), event.eventType(), event.payload());
                    LedgerEntry entry = event.entry(chain, ++seq, hash);
                    hash = entry.hash();
                    entries.add(entry);
                    appended.add(new Appended(event.eventId(), chain, seq, hash));
                }
                heads.put(chain, new Head(seq, hash));
            });
            insert(entries, appended);
            jdbc.batchUpdate(
                    "update audit_chain_head set seq = ?, hash = ? where chain = ?",
                    heads.entrySet().stream()
                            .map(h -> new Object[] {
                                h.getValue().seq(), h.getValue().hash(), h.getKey()
                            })
                            .toList());
            return appended;
        });
    }

    private Map<Integer, Head> lockHeads(Set<Integer> chains) {
        Map<Integer, Head> heads = selectHeadsForUpdate(chains);
        if (heads.size() < chains.size()) {
            for (Integer chain : chains) {
                if (!heads.containsKey(chain)) {
                    jdbc.update(
                            "insert into audit_chain_head (chain, seq, hash) values (?, 0, ?)"
                                    + " on conflict do nothing",
                            chain,
                            LedgerEntry.GENESIS_HASH);
                }
            }
            heads = selectHeadsForUpdate(chains);
        }
        return heads;
    }

    private Map<Integer, Head> selectHeadsForUpdate(Set<Integer> chains) {
        Map<Integer, Head> heads = new TreeMap<>();
        // the sort runs before the row locks are taken, so locks are acquired in chain order
        jdbc.query(
                "select chain, seq, hash from audit_chain_head where chain in (" + placeholders(chains.size())
                        + ") order by chain for update",
                rs -> {
                    heads.put(rs.getInt("chain"), new Head(rs.getLong("seq"), rs.getString("hash")));
                },
                chains.toArray());
        return heads;
    }

    /** What the ledger already holds of the cases of {@code events} that decides their legal basis. */
    private LegalBases history(Collection<IncomingEvent> events) {
        LegalBases bases = new LegalBases();
        List<String> cases = events.stream()
                .map(IncomingEvent::caseId)
                .filter(c -> c != null)
                .distinct()
                .toList();
        if (cases.isEmpty()) {
            return bases;
        }
        List<Object> arguments = new ArrayList<>(cases);
        arguments.addAll(LegalBases.HISTORY);
        jdbc.query(
                "select case_id, event_type, payload from audit_ledger where case_id in ("
                        + placeholders(cases.size()) + ") and event_type in (" + placeholders(LegalBases.HISTORY.size())
                        + ") order by chain, seq",
                rs -> {
                    bases.learn(
                            rs.getString("case_id"),
                            rs.getString("event_type"),
                            CanonicalJson.read(rs.getString("payload")).orElse(NullNode.instance));
                },
                arguments.toArray());
        return bases;
    }

    private Set<String> known(Set<String> eventIds) {
        return new HashSet<>(jdbc.queryForList(
                "select event_id from audit_ledger where event_id in (" + placeholders(eventIds.size()) + ")",
                String.class,
                eventIds.toArray()));
    }

    /** Below this many records a batched INSERT beats COPY, whose setup costs a few round trips. */
    static final int COPY_THRESHOLD = 16;

    /** Instant.toString() writes years outside 1–9999 in forms COPY does not read; such batches take INSERT. */
    private static final Instant YEAR_1 = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");

    private static final String COLUMNS = "chain, seq, event_id, topic, event_type, case_id, actor, actor_type,"
            + " legal_basis, policy_version, occurred_at, payload, prev_hash, hash, format, payload_salt,"
            + " payload_commitment";

    private void insert(List<LedgerEntry> entries, List<Appended> appended) {
        if (entries.size() >= COPY_THRESHOLD
                && entries.stream()
                        .allMatch(e ->
                                e.occurredAt().isAfter(YEAR_1) && e.occurredAt().isBefore(YEAR_10000))) {
            copy(entries, appended);
            return;
        }
        jdbc.batchUpdate(
                "insert into audit_ledger (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " decode(?, 'hex'), ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        set(ps, entries.get(i), appended.get(i).hash());
                    }

                    @Override
                    public int getBatchSize() {
                        return entries.size();
                    }
                });
    }

    /**
     * The whole batch in one COPY (CSV): PostgreSQL's bulk path parses rows without a statement per row; on the
     * transaction's connection, so under the restricted role, and the insert-only triggers and constraints apply.
     */
    private void copy(List<LedgerEntry> entries, List<Appended> appended) {
        StringBuilder csv = new StringBuilder(entries.size() * 768);
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            csv.append(e.chain()).append(',').append(e.seq()).append(',');
            quoted(e.eventId(), csv).append(',');
            quoted(e.topic(), csv).append(',');
            quoted(e.eventType(), csv).append(',');
            quoted(e.caseId(), csv).append(',');
            quoted(e.actor(), csv).append(',').append(e.actorType().name()).append(',');
            quoted(e.legalBasis(), csv).append(',');
            quoted(e.policyVersion(), csv).append(',').append(e.occurredAt()).append(',');
            quoted(e.payload(), csv)
                    .append(',')
                    .append(e.prevHash())
                    .append(',')
                    .append(appended.get(i).hash())
                    .append(',')
                    .append(e.format())
                    .append(',');
            if (e.payloadSalt() != null) {
                // bytea's hex input form; CSV treats the backslash as an ordinary character
                csv.append("\\x").append(e.payloadSalt());
            }
            csv.append(',');
            quoted(e.payloadCommitment(), csv).append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy audit_ledger (" + COLUMNS + ") from stdin with (format csv)",
                                new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into audit_ledger failed", e);
            }
        });
    }

    /** A CSV field: null unquoted and empty (COPY's NULL), any text quoted, so "" stays an empty string. */
    private static StringBuilder quoted(String value, StringBuilder csv) {
        if (value != null) {
            csv.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                csv.append(c);
                if (c == '"') {
                    csv.append('"');
                }
            }
            csv.append('"');
        }
        return csv;
    }

    private static void set(PreparedStatement ps, LedgerEntry entry, String hash) throws SQLException {
        ps.setInt(1, entry.chain());
        ps.setLong(2, entry.seq());
        ps.setString(3, entry.eventId());
        ps.setString(4, entry.topic());
        ps.setString(5, entry.eventType());
        ps.setString(6, entry.caseId());
        ps.setString(7, entry.actor());
        ps.setString(8, entry.actorType().name());
        ps.setString(9, entry.legalBasis());
        ps.setString(10, entry.policyVersion());
        ps.setObject(11, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
        ps.setString(12, entry.payload());
        ps.setString(13, entry.prevHash());
        ps.setString(14, hash);
        ps.setInt(15, entry.format());
        ps.setString(16, entry.payloadSalt());
        ps.setString(17, entry.payloadCommitment());
    }

    private static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    /** Where an event went: its chain, its seq there and its hash. */
    public record Appended(String eventId, int chain, long seq, String hash) {}

    private record Head(long seq, String hash) {}
}
