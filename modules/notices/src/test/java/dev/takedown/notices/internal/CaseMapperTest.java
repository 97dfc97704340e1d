package dev.takedown.notices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.CaseOutcome;
import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.NoticeSubmission;
import dev.takedown.notices.TargetType;
import dev.takedown.notices.UploaderDeclaration;
import dev.takedown.notices.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The generated mapper puts every part of the aggregate where its readers expect it. */
class CaseMapperTest {

    private static final Instant RECEIVED = Instant.parse("2025-09-19T01:00:00Z");
    private static final UUID ID = UUID.fromString("0b7e5c1e-8a0f-4c0e-9a39-3c5a4d0f6c11");

    private final CaseMapper mapper = new CaseMapperImpl();

    private final NoticeSubmission submission = new NoticeSubmission(
            List.of("US_DMCA", "EU_DSA"),
            "en",
            null,
            null,
            null,
            null,
            List.of(new NoticeSubmission.Work("Ultraman Tiga", List.of()), new NoticeSubmission.Work("Dyna", null)),
            List.of(
                    new NoticeSubmission.Target(
                            "GENERATED_OUTPUT",
                            "https://Gen.example/p/1#x",
                            "acct-1",
                            "produce-9",
                            null,
                            null,
                            null,
                            null,
                            "2025-09-01T08:00:00Z",
                            "AI_GENERATED"),
                    new NoticeSubmission.Target(null, "https://gen.example/p/2"),
                    new NoticeSubmission.Target("NOT_A_TYPE", "https://gen.example/p/3"),
                    new NoticeSubmission.Target("URL", "not a url")),
            List.of(),
            "copies",
            List.of(),
            null);

    private Notice notice() {
        Notice notice = new Notice(
                ID,
                "org-a",
                "rightsholder-a",
                "API",
                List.of("US_DMCA", "EU_DSA"),
                "Studio A",
                "legal@a.test",
                "Ultraman Tiga",
                "{}",
                RECEIVED,
                "key-1",
                "hash");
        notice.addTargetsOf(submission);
        return notice;
    }

    @Test
    void viewShowsTheCaseWithItsOutcome() {
        Notice notice = notice();
        notice.moveTo(CaseStatus.UNDER_REVIEW, "system", "queued", RECEIVED.plusSeconds(60));

        CaseView view = mapper.view(notice, submission, CaseOutcome.ACTION_TAKEN);

        assertThat(view.caseId()).isEqualTo(ID.toString());
        assertThat(view.organisationId()).isEqualTo("org-a");
        assertThat(view.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(view.jurisdictionProfiles()).containsExactly("US_DMCA", "EU_DSA");
        assertThat(view.channel()).isEqualTo("API");
        assertThat(view.notifierName()).isEqualTo("Studio A");
        assertThat(view.workTitles()).containsExactly("Ultraman Tiga", "Dyna");
        assertThat(view.targetUrls())
                .as("canonical URLs of the targets that can be acted on, unknown types and bad URLs left out")
                .containsExactly("https://gen.example/p/1", "https://gen.example/p/2");
        assertThat(view.receivedAt()).isEqualTo(RECEIVED);
        assertThat(view.history())
                .containsExactly(
                        new CaseView.HistoryEntry(CaseStatus.RECEIVED, "rightsholder-a", "via API", RECEIVED),
                        new CaseView.HistoryEntry(
                                CaseStatus.UNDER_REVIEW, "system", "queued", RECEIVED.plusSeconds(60)));
        assertThat(view.notice()).isSameAs(submission);
        assertThat(view.outcome()).isEqualTo(CaseOutcome.ACTION_TAKEN);
        assertThat(mapper.view(notice, submission, null).outcome()).isNull();
    }

    @Test
    void targetCarriesItsTypeAndAigcIdentifiers() {
        List<NoticeTarget> targets = notice().getTargets();

        assertThat(mapper.target(targets.get(0)))
                .isEqualTo(new CaseTarget(
                        "https://gen.example/p/1",
                        "acct-1",
                        TargetType.GENERATED_OUTPUT,
                        "produce-9",
                        null,
                        null,
                        Instant.parse("2025-09-01T08:00:00Z"),
                        UploaderDeclaration.AI_GENERATED));
        assertThat(mapper.target(targets.get(0)).declaredAiGenerated()).isTrue();
        assertThat(mapper.target(targets.get(1)).type())
                .as("no type given: a URL")
                .isEqualTo(TargetType.URL);
        assertThat(mapper.target(targets.get(1)).uploaderDeclaration())
                .as("nothing declared")
                .isNull();
    }

    @Test
    void decisionCarriesItsCaseAndMeasures() {
        Notice notice = notice();
        Instant at = RECEIVED.plusSeconds(3600);
        RecordedDecision accepted =
                notice.decide("task-1", Verdict.ACCEPT, List.of("DELETE", "PROMPT_FILTER"), "copies", "moderator", at);
        RecordedDecision overturned = notice.decide("task-2", Verdict.OVERTURN, List.of(), "too much", "senior", at);

        assertThat(mapper.decision(accepted, ID))
                .isEqualTo(new CaseDecision(
                        accepted.getId().toString(),
                        ID.toString(),
                        "task-1",
                        DecisionKind.REVIEW,
                        Verdict.ACCEPT,
                        List.of("DELETE", "PROMPT_FILTER"),
                        "copies",
                        "moderator",
                        at));
        assertThat(mapper.decision(overturned, ID))
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DecisionKind.CONFIRMATION))
                .satisfies(d -> assertThat(d.measures()).isEmpty());
    }
}
