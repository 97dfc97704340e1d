package dev.takedown.measures;

import dev.takedown.events.FilterIndexed;
import dev.takedown.events.LiftEnforced;
import dev.takedown.events.MeasureEnforced;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filter measures act in the screening index, so the screening nodes, not the platform, confirm them: a filter's
 * command (or its lift) is enforced when every live screening node has answered it ({@link FilterIndexed}), as of the
 * last answer. The registry is the nodes' heartbeats: a node heard from within {@code
 * takedown.enforcement.screening.node-ttl} is alive and must answer; a node that shuts down says so and drops out at
 * once, one that dies (or was restarted under a new id) drops out after that time, and the commands that waited only
 * for it are confirmed then (or on the next check). A
 * node that joins answers every command when it reads the measures topic from the start; until it has, the commands
 * still waiting wait for it too. A filter none of the live nodes answered stays unconfirmed, and its enforcement
 * deadline makes it a task.
 */
@Service
public class ScreeningConfirmations {

    /** Who the measure's enforcement names as confirming it. */
    public static final String PRINCIPAL = "screening-nodes";

    private static final Logger log = LoggerFactory.getLogger(ScreeningConfirmations.class);

    private final JdbcTemplate jdbc;
    private final Enforcements enforcements;
    private final Clock clock;
    private final Duration ttl;

    ScreeningConfirmations(
            JdbcTemplate jdbc,
            Enforcements enforcements,
            Clock clock,
            @Value("${takedown.enforcement.screening.node-ttl:PT30S}") Duration ttl) {
        this.jdbc = jdbc;
        this.enforcements = enforcements;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A node's heartbeat: it is alive as of {@code at}. */
    @Transactional
    public void alive(String nodeId, Instant at) {
        jdbc.update("""
                insert into screening_node (node_id, last_seen) values (?, ?)
                on conflict (node_id) do update set last_seen = greatest(screening_node.last_seen, excluded.last_seen)
                """, nodeId, Timestamp.from(at));
    }

    /** A node shut down: the commands that waited only for it are confirmed now. */
    @Transactional
    public void left(String nodeId) {
        if (jdbc.update("delete from screening_node where node_id = ?", nodeId) > 0) {
            recheck();
        }
    }

    /**
     * A node's answer: it is alive, and it holds the command. Confirms the command when every live node has answered
     * it; an answer about a measure of no case of ours, or no filter, confirms nothing.
     */
    @Transactional
    public void indexed(FilterIndexed answer) {
        alive(answer.nodeId(), answer.at());
        UUID measureId = uuid(answer.measureId());
        if (measureId == null || !filter(measureId)) {
            return;
        }
        jdbc.update("""
                insert into screening_ack (measure_id, version, node_id, lift, acked_at) values (?, ?, ?, ?, ?)
                on conflict do nothing
                """, measureId, answer.version(), answer.nodeId(), answer.lift(), Timestamp.from(answer.at()));
        settle(measureId, answer.version(), answer.lift());
    }

    /** Commands that waited for a node that is gone are confirmed once it drops out of the registry. */
    @Scheduled(
            initialDelayString = "${takedown.enforcement.screening.recheck:PT10S}",
            fixedDelayString = "${takedown.enforcement.screening.recheck:PT10S}")
    @Transactional
    public void recheck() {
        jdbc.query("""
                        select distinct a.measure_id, a.version, a.lift from screening_ack a
                        join measure_enforcement e on e.measure_id = a.measure_id and e.command_version = a.version
                        where e.state not in ('ENFORCED', 'LIFT_ENFORCED')
                        """, (row, n) -> new Object[] {row.getObject(1, UUID.class), row.getLong(2), row.getBoolean(3)})
                .forEach(command -> settle((UUID) command[0], (Long) command[1], (Boolean) command[2]));
    }

    /** The nodes that must answer: those heard from within the time to live. */
    @Transactional(readOnly = true)
    public List<String> liveNodes() {
        return jdbc.queryForList(
                "select node_id from screening_node where last_seen >= ? order by node_id",
                String.class,
                Timestamp.from(clock.instant().minus(ttl)));
    }

    private void settle(UUID measureId, long version, boolean lift) {
        Set<String> answered = new HashSet<>(jdbc.queryForList(
                "select node_id from screening_ack where measure_id = ? and version = ? and lift = ?",
                String.class,
                measureId,
                version,
                lift));
        List<String> live = liveNodes();
        if (answered.isEmpty() || !answered.containsAll(live)) {
            return;
        }
        Instant last = jdbc.queryForObject(
                        "select max(acked_at) from screening_ack where measure_id = ? and version = ? and lift = ?",
                        Timestamp.class,
                        measureId,
                        version,
                        lift)
                .toInstant();
        try {
            enforcements.record(
                    lift
                            ? new LiftEnforced(measureId.toString(), version, last)
                            : new MeasureEnforced(measureId.toString(), version, last),
                    PRINCIPAL);
        } catch (AcknowledgementRefusedException overtaken) {
            // a newer command of the measure: its own answers settle it
            log.info(
                    "screening answers to measure {} version {} confirm nothing: {}",
                    measureId,
                    version,
                    overtaken.getMessage());
        }
    }

    private boolean filter(UUID measureId) {
        List<String> types = jdbc.queryForList("select type from measure where id = ?", String.class, measureId);
        return !types.isEmpty() && MeasureType.valueOf(types.get(0)).isFilter();
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
