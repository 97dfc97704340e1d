package dev.takedown.aigc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.events.LabelChecked;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NoticeIncompleteException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records whether a target carried its implicit AIGC label: a moderator supplies the target's image, the label is
 * read ({@link ImplicitLabels}) and compared with the ProduceID the notice named, and the result becomes a
 * {@link LabelChecked} fact on the case's ledger. A missing or tampered label can then be answered with the
 * {@code LABEL} measure.
 */
@Service
public class LabelEvidence {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final NoticeCases cases;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    LabelEvidence(
            NoticeCases cases, ApplicationEventPublisher events, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** One check of a target's implicit label, as the case pages show it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LabelCheck(
            int targetIndex,
            String targetUrl,
            String status,
            Map<String, String> fields,
            String source,
            String problem,
            String checkedBy,
            Instant checkedAt) {}

    /** Every label check of the case, oldest first. */
    @Transactional(readOnly = true)
    public List<LabelCheck> forCase(String caseId) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            return List.of();
        }
        return jdbc.query(
                "select * from label_check where case_id = ? order by checked_at, id",
                (rs, row) -> new LabelCheck(
                        rs.getInt("target_index"),
                        rs.getString("target_url"),
                        rs.getString("status"),
                        read(rs.getString("fields")),
                        rs.getString("source"),
                        rs.getString("problem"),
                        rs.getString("checked_by"),
                        rs.getTimestamp("checked_at").toInstant()),
                id);
    }

    @Transactional
    public ImplicitLabels.Assessment check(String caseId, int targetIndex, byte[] image, String actor) {
        List<CaseTarget> targets = cases.findTargets(caseId)
                .orElseThrow(() -> new CaseNotFoundException(caseId))
                .targets();
        if (targetIndex < 0 || targetIndex >= targets.size()) {
            throw new NoticeIncompleteException(List.of(new FieldProblem(
                    "target_index", "the case has " + targets.size() + " target(s), numbered from 0")));
        }
        CaseTarget target = targets.get(targetIndex);
        ImplicitLabels.Assessment assessment = ImplicitLabels.assess(image, target.produceId());
        Instant now = clock.instant();
        jdbc.update(
                "insert into label_check (id, case_id, target_index, target_url, status, fields, source, problem, "
                        + "checked_by, checked_at) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)",
                UUID.randomUUID(),
                UUID.fromString(caseId),
                targetIndex,
                target.url(),
                assessment.status().name(),
                write(assessment.fields()),
                assessment.source(),
                assessment.problem(),
                actor,
                Timestamp.from(now));
        events.publishEvent(new LabelChecked(
                UUID.randomUUID(),
                now,
                caseId,
                actor,
                targetIndex,
                target.url(),
                assessment.status().name(),
                assessment.fields(),
                assessment.source(),
                assessment.problem()));
        return assessment;
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields == null ? Map.of() : fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, String> read(String fields) {
        try {
            return json.readValue(fields, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable label_check.fields", e);
        }
    }
}
