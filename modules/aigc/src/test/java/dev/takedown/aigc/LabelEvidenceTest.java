package dev.takedown.aigc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.LabelChecked;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.CaseTargets;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NoticeIncompleteException;
import dev.takedown.notices.TargetType;
import dev.takedown.testing.EmbeddedDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A label check is a recorded fact on the case: the result is kept for the case pages and published as
 * {@link LabelChecked}, which the outbox takes to the case's ledger. The case's targets come from the notices module,
 * here a mock of its {@link NoticeCases}; the table is the real one, on PostgreSQL.
 */
class LabelEvidenceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String LABEL = "{\"Label\":\"1\",\"ContentProducer\":\"91310000MA1\",\"ProduceID\":\"%s\"}";
    private static JdbcTemplate jdbc;

    private final NoticeCases cases = mock(NoticeCases.class);
    private final List<Object> published = new ArrayList<>();
    /** A second later at every reading, so the checks have an order. */
    private final Clock clock = new Clock() {
        private final AtomicLong seconds = new AtomicLong();

        @Override
        public Instant instant() {
            return NOW.plusSeconds(seconds.getAndIncrement());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    private final LabelEvidence labels = new LabelEvidence(cases, published::add, jdbc, new ObjectMapper(), clock);

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(EmbeddedDatabase.migrated("classpath:db/migration/aigc"));
    }

    @Test
    void eachCheckIsKeptAndPublishedAsAFactOnTheCase() {
        String caseId = caseWith(new CaseTarget(
                "https://gen.example/o/1", "acct-1", TargetType.GENERATED_OUTPUT, "P-42", null, null, null));

        assertThat(labels.check(caseId, 0, LabelledPng.labelled(LABEL.formatted("P-41")), "moderator")
                        .status())
                .as("a ProduceID other than the notice's")
                .isEqualTo(ImplicitLabels.Status.TAMPERED);
        assertThat(labels.check(caseId, 0, LabelledPng.unlabelled(), "moderator")
                        .status())
                .isEqualTo(ImplicitLabels.Status.MISSING);
        assertThat(labels.check(caseId, 0, LabelledPng.labelled(LABEL.formatted("P-42")), "senior")
                        .status())
                .isEqualTo(ImplicitLabels.Status.PRESENT);

        List<LabelEvidence.LabelCheck> kept = labels.forCase(caseId);
        assertThat(kept).extracting(LabelEvidence.LabelCheck::status).containsExactly("TAMPERED", "MISSING", "PRESENT");
        assertThat(kept.get(0).problem()).contains("ProduceID");
        assertThat(kept.get(0).fields()).containsEntry("ProduceID", "P-41");
        assertThat(kept.get(2).checkedBy()).isEqualTo("senior");
        assertThat(kept.get(2).targetUrl()).isEqualTo("https://gen.example/o/1");
        assertThat(kept.get(2).checkedAt()).isEqualTo(NOW.plusSeconds(2));

        assertThat(published).hasSize(3).allMatch(LabelChecked.class::isInstance);
        LabelChecked tampered = (LabelChecked) published.get(0);
        assertThat(tampered.caseId()).isEqualTo(caseId);
        assertThat(tampered.actor()).isEqualTo("moderator");
        assertThat(tampered.status()).isEqualTo("TAMPERED");
        assertThat(tampered.occurredAt()).isEqualTo(NOW);
        assertThat(tampered.targetIndex()).isZero();
        assertThat(labels.forCase("not-a-case")).isEmpty();
    }

    @Test
    void aTargetTheCaseDoesNotHaveIsNamedAndNothingIsRecorded() {
        String caseId = caseWith(new CaseTarget("https://gen.example/o/2", null));
        assertThatThrownBy(() -> labels.check(caseId, 3, LabelledPng.unlabelled(), "moderator"))
                .isInstanceOfSatisfying(
                        NoticeIncompleteException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("target_index")));
        String unknown = UUID.randomUUID().toString();
        when(cases.findTargets(unknown)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> labels.check(unknown, 0, LabelledPng.unlabelled(), "moderator"))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(labels.forCase(caseId)).isEmpty();
        assertThat(published).isEmpty();
    }

    private String caseWith(CaseTarget target) {
        String caseId = UUID.randomUUID().toString();
        when(cases.findTargets(caseId)).thenReturn(Optional.of(new CaseTargets(NOW, List.of(target))));
        return caseId;
    }
}
