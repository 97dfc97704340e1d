package dev.takedown.audit.internal;

import dev.takedown.events.Topics;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends every record of every contract topic to the hash-chained ledger, once per event id. */
@Component
public class LedgerAppender {

    private static final Logger log = LoggerFactory.getLogger(LedgerAppender.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LedgerAppender(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    // an annotation cannot take Topics.ALL (a List); LedgerAppenderTest checks this list against it.
    // A new ledger starts from the oldest retained record, not from "now" (Kafka's default).
    @KafkaListener(groupId = "takedown-audit", properties = "auto.offset.reset=earliest",
            topics = {Topics.NOTICES_INBOUND, Topics.NOTICE_EVENTS, Topics.TASKS, Topics.MEASURES,
                    Topics.ENFORCEMENT_RESULTS, Topics.ACCESS_LOG})
    void onRecord(ConsumerRecord<String, String> record) {
        append(record);
    }

    /**
     * Appends the record unless its event id is already in the ledger (a redelivery).
     *
     * @return the seq it was appended as, or empty for a redelivery
     */
    public OptionalLong append(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return transaction.execute(status -> {
            // the row lock serialises appenders, also across nodes, which keeps seq gapless and the chain linear
            Head head = jdbc.queryForObject("select seq, hash from audit_chain_head where id = 1 for update",
                    (rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")));
            if (jdbc.queryForObject("select exists (select 1 from audit_ledger where event_id = ?)", Boolean.class,
                    event.eventId())) {
                log.debug("event {} is already in the ledger", event.eventId());
                return OptionalLong.empty();
            }
            LedgerEntry entry = event.entry(head.seq() + 1, head.hash());
            String hash = entry.hash();
            jdbc.update("""
                    insert into audit_ledger (seq, event_id, topic, event_type, case_id, actor, actor_type,
                                              occurred_at, payload, prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    entry.seq(), entry.eventId(), entry.topic(), entry.eventType(), entry.caseId(), entry.actor(),
                    entry.actorType().name(), OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC),
                    CanonicalJson.write(entry.payload()), entry.prevHash(), hash);
            jdbc.update("update audit_chain_head set seq = ?, hash = ? where id = 1", entry.seq(), hash);
            return OptionalLong.of(entry.seq());
        });
    }

    private record Head(long seq, String hash) {
    }
}
