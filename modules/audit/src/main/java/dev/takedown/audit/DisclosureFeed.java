package dev.takedown.audit;

import static dev.takedown.audit.internal.EventTypes.APPEAL_DECIDED;
import static dev.takedown.audit.internal.EventTypes.COUNTER_NOTICE_FILED;
import static dev.takedown.audit.internal.EventTypes.LEGAL_ACTION_PROOF_FILED;
import static dev.takedown.audit.internal.EventTypes.MEASURE_APPLIED;
import static dev.takedown.audit.internal.EventTypes.MEASURE_LIFTED;
import static dev.takedown.audit.internal.EventTypes.NOTICE_DECIDED;
import static dev.takedown.audit.internal.EventTypes.NOTICE_RECEIVED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.takedown.audit.internal.CanonicalJson;
import dev.takedown.audit.internal.Redaction;
import dev.takedown.events.ClaimType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The public disclosure of notices, declarations and outcomes for cases filed under the E-Commerce Law profile
 * (Art. 44, R20), read from the ledger. Pages follow (occurrence time, event id); the cursor is that pair of the
 * last entry, so a page never repeats or skips an entry already recorded.
 */
@Service
public class DisclosureFeed {

    public static final String PROFILE = "CN_ECOM";
    public static final int MAX_LIMIT = 200;

    private static final Map<String, Disclosure.Kind> KINDS = Map.of(
            NOTICE_RECEIVED, Disclosure.Kind.NOTICE,
            COUNTER_NOTICE_FILED, Disclosure.Kind.DECLARATION,
            LEGAL_ACTION_PROOF_FILED, Disclosure.Kind.LEGAL_ACTION,
            NOTICE_DECIDED, Disclosure.Kind.DECISION,
            APPEAL_DECIDED, Disclosure.Kind.DECISION,
            MEASURE_APPLIED, Disclosure.Kind.MEASURE_APPLIED,
            MEASURE_LIFTED, Disclosure.Kind.MEASURE_LIFTED);

    private final JdbcTemplate jdbc;

    public DisclosureFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param since  entries that happened at or after this instant; null = from the start
     * @param cursor {@link DisclosurePage#next()} of the previous page, or null
     * @throws IllegalArgumentException for a cursor this feed did not issue or a limit out of 1..{@value #MAX_LIMIT}
     */
    public DisclosurePage page(Instant since, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        List<Object> args = new ArrayList<>(KINDS.keySet());
        args.add(NOTICE_RECEIVED);
        args.add("[\"" + PROFILE + "\"]");
        args.add(utc(since == null ? Instant.EPOCH : since));
        String after = "";
        if (cursor != null && !cursor.isBlank()) {
            Position position = Position.decode(cursor);
            after = " and (l.occurred_at, l.event_id) > (?, ?)";
            args.add(utc(position.at()));
            args.add(position.eventId());
        }
        args.add(limit + 1);
        List<Disclosure> items = jdbc.query(
                "select l.event_id, l.event_type, l.case_id, l.occurred_at, l.payload"
                        + " from audit_ledger l where l.event_type in ("
                        + String.join(",", KINDS.keySet().stream().map(k -> "?").toList()) + ")"
                        + " and l.case_id in (select case_id from audit_ledger where event_type = ?"
                        + " and payload::jsonb -> 'jurisdictionProfiles' @> cast(? as jsonb))"
                        // a complaint against a suspension decides the party's standing, not the notice; so does
                        // an account measure of the repeat-infringer policy, which names the standing change
                        + " and coalesce(l.payload::jsonb ->> 'subject', '') <> 'SUSPENSION'"
                        + " and l.payload::jsonb ->> 'standingChangeId' is null"
                        + " and l.occurred_at >= ?" + after
                        + " order by l.occurred_at, l.event_id limit ?",
                (rs, row) -> disclosure(
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        rs.getString("case_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        CanonicalJson.read(rs.getString("payload")).orElse(NullNode.instance)),
                args.toArray());
        if (items.size() <= limit) {
            return new DisclosurePage(items, null);
        }
        Disclosure last = items.get(limit - 1);
        return new DisclosurePage(items.subList(0, limit), new Position(last.occurredAt(), last.id()).encode());
    }

    private static Disclosure disclosure(String id, String type, String caseId, Instant at, JsonNode p) {
        Disclosure.Kind kind = KINDS.get(type);
        return switch (kind) {
            case NOTICE ->
                new Disclosure(
                        id,
                        caseId,
                        kind,
                        at,
                        // the vocabulary only: a right typed before it existed is published as OTHER_ILLEGAL
                        text(p, "rightType") == null
                                ? null
                                : ClaimType.ofRecorded(text(p, "rightType")).name(),
                        p.path("targetCount").isInt() ? p.path("targetCount").intValue() : null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            case DECISION ->
                new Disclosure(
                        id,
                        caseId,
                        kind,
                        at,
                        null,
                        null,
                        text(p, "outcome"),
                        strings(p),
                        null,
                        null,
                        null,
                        Redaction.scrub(text(p, "reason")));
            case MEASURE_APPLIED ->
                new Disclosure(
                        id,
                        caseId,
                        kind,
                        at,
                        null,
                        null,
                        null,
                        null,
                        text(p, "type"),
                        text(p, "targetUrl"),
                        text(p.path("rule"), "workTitle"),
                        null);
            case MEASURE_LIFTED ->
                new Disclosure(
                        id,
                        caseId,
                        kind,
                        at,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Redaction.scrub(text(p, "reason")));
            case DECLARATION, LEGAL_ACTION ->
                new Disclosure(id, caseId, kind, at, null, null, null, null, null, null, null, null);
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private static List<String> strings(JsonNode node) {
        List<String> measures = new ArrayList<>();
        node.path("measures").forEach(m -> measures.add(m.asText()));
        return List.copyOf(measures);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private record Position(Instant at, String eventId) {

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((at + "|" + eventId).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                if (bar <= 0 || bar == text.length() - 1) {
                    throw new IllegalArgumentException("not a cursor of this feed");
                }
                return new Position(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
            } catch (IllegalArgumentException | DateTimeParseException bad) {
                throw new IllegalArgumentException("not a cursor of this feed", bad);
            }
        }
    }
}
