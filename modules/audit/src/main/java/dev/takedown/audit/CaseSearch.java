package dev.takedown.audit;

import static dev.takedown.audit.internal.EventTypes.APPEAL_DECIDED;
import static dev.takedown.audit.internal.EventTypes.APPEAL_FILED;
import static dev.takedown.audit.internal.EventTypes.MEASURE_APPLIED;
import static dev.takedown.audit.internal.EventTypes.MEASURE_LIFTED;
import static dev.takedown.audit.internal.EventTypes.NOTICE_DECIDED;
import static dev.takedown.audit.internal.EventTypes.NOTICE_RECEIVED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.audit.internal.CanonicalJson;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds cases in the ledger. The ledger holds what the events carry: the notifying organisation's id, the right
 * claimed, and work titles and target URLs only as far as the case's measures name them (a notice's own works and
 * targets are not in its event), so a case without measures is found by notifier, state and date, not by work or
 * target.
 */
@Service
public class CaseSearch {

    // Criteria are fixed SQL fragments chosen by which fields are set; the caller's text only ever travels as a bound
    // parameter. A case's state follows the measures its decisions imposed: an account measure of the repeat-infringer
    // policy (naming a standing change) neither makes it ACTION_TAKEN nor keeps it from RESTORED.
    private static final String CASES = """
            with c as (
                select case_id, min(occurred_at) as received_at from audit_ledger
                where event_type = ? %s
                group by case_id),
            f as (
                select c.case_id, c.received_at,
                       (array_agg(x.p ->> 'organisationId' order by x.at) filter (where x.t = ?))[1] as organisation,
                       (array_agg(x.p ->> 'notifierType' order by x.at) filter (where x.t = ?))[1] as notifier_type,
                       (array_agg(x.p ->> 'rightType' order by x.at) filter (where x.t = ?))[1] as right_type,
                       (array_agg(x.p ->> 'disposition' order by x.at) filter (where x.t = ?))[1] as disposition,
                       (array_agg(x.p -> 'jurisdictionProfiles' order by x.at) filter (where x.t = ?))[1]::text
                           as profiles,
                       (array_agg(x.p ->> 'outcome' order by x.at desc) filter (where x.t = ?))[1] as last_outcome,
                       array_remove(array_agg(distinct x.p -> 'rule' ->> 'workTitle') filter (where x.t = ?), null)
                           as works,
                       array_remove(array_agg(distinct x.p ->> 'targetUrl') filter (where x.t = ?), null) as targets,
                       count(*) filter (where x.t = ? and x.p ->> 'standingChangeId' is null) as applied,
                       count(*) filter (where x.t = ? and x.p ->> 'standingChangeId' is null) as lifted,
                       count(*) filter (where x.t = ?) as appeals,
                       count(*) filter (where x.t = ?) as appeals_decided
                from c cross join lateral (
                    select l.event_type as t, l.occurred_at as at, l.payload::jsonb as p
                    from audit_ledger l where l.case_id = c.case_id) x
                group by c.case_id, c.received_at),
            s as (
                select f.*, case when disposition = 'NOT_PROCESSED' then 'NOT_PROCESSED'
                                 when disposition = 'JOINED' then 'JOINED'
                                 when appeals > appeals_decided then 'APPEALED'
                                 when applied > 0 and lifted >= applied then 'RESTORED'
                                 when applied > 0 then 'ACTION_TAKEN'
                                 when last_outcome in ('REJECT', 'OVERTURN') then 'NO_ACTION'
                                 when last_outcome is not null then 'ACCEPTED'
                                 else 'OPEN' end as state
                from f)
            select * from s where true %s
            order by received_at desc, case_id limit ? offset ?""";

    private final JdbcTemplate jdbc;

    public CaseSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CasePage search(CaseQuery query) {
        List<Object> args = new ArrayList<>();
        args.add(NOTICE_RECEIVED);
        StringBuilder received = new StringBuilder();
        if (query.from() != null) {
            received.append(" and occurred_at >= ?");
            args.add(query.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            received.append(" and occurred_at < ?");
            args.add(query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        args.addAll(List.of(
                NOTICE_RECEIVED,
                NOTICE_RECEIVED,
                NOTICE_RECEIVED,
                NOTICE_RECEIVED,
                NOTICE_RECEIVED,
                NOTICE_DECIDED,
                MEASURE_APPLIED,
                MEASURE_APPLIED,
                MEASURE_APPLIED,
                MEASURE_LIFTED,
                APPEAL_FILED,
                APPEAL_DECIDED));
        StringBuilder criteria = new StringBuilder();
        if (query.notifier() != null) {
            criteria.append(" and organisation ilike ?");
            args.add(contains(query.notifier()));
        }
        if (query.work() != null) {
            criteria.append(" and exists (select from unnest(works) w where w ilike ?)");
            args.add(contains(query.work()));
        }
        if (query.target() != null) {
            criteria.append(" and exists (select from unnest(targets) t where t ilike ?)");
            args.add(contains(query.target()));
        }
        if (query.status() != null) {
            criteria.append(" and state = ?");
            args.add(query.status().name());
        }
        // one more than the page, to tell whether another page follows
        args.add(query.size() + 1);
        args.add((long) query.page() * query.size());
        List<CaseOverview> hits =
                jdbc.query(CASES.formatted(received, criteria), (rs, row) -> overview(rs), args.toArray());
        boolean more = hits.size() > query.size();
        return new CasePage(more ? hits.subList(0, query.size()) : hits, query.page(), more);
    }

    /** An ILIKE pattern matching {@code text} anywhere, its own wildcards taken literally. */
    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static CaseOverview overview(ResultSet rs) throws SQLException {
        return new CaseOverview(
                rs.getString("case_id"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getString("organisation"),
                rs.getString("notifier_type"),
                rs.getString("right_type"),
                profiles(rs.getString("profiles")),
                CaseState.valueOf(rs.getString("state")),
                strings(rs.getArray("works")),
                strings(rs.getArray("targets")));
    }

    private static List<String> profiles(String json) {
        if (json == null) {
            return List.of();
        }
        JsonNode node = CanonicalJson.read(json).orElse(null);
        List<String> profiles = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(p -> profiles.add(p.asText()));
        }
        return List.copyOf(profiles);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .sorted()
                        .toList();
    }
}
