package dev.takedown.notices.internal;

import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.CaseOutcome;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.NoticeSubmission;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The case aggregate as its readers see it. */
@Mapper
public interface CaseMapper {

    /**
     * @param submission the notice as filed (the entity keeps it as JSON)
     * @param outcome    what the case's decisions came to, or the case it joined; {@code null} before that is known
     */
    @Mapping(target = "caseId", source = "entity.id")
    @Mapping(target = "status", source = "entity.status")
    @Mapping(target = "jurisdictionProfiles", source = "entity.profiles")
    @Mapping(target = "workTitles", source = "submission.works")
    @Mapping(target = "targetUrls", source = "entity.targets")
    @Mapping(target = "notice", source = "submission")
    CaseView view(Notice entity, NoticeSubmission submission, CaseOutcome outcome);

    CaseTarget target(NoticeTarget target);

    CaseView.HistoryEntry historyEntry(NoticeHistoryEntry entry);

    @Mapping(target = "decisionId", source = "decision.id")
    CaseDecision decision(RecordedDecision decision, UUID caseId);

    default String url(NoticeTarget target) {
        return target.getUrl();
    }

    default String title(NoticeSubmission.Work work) {
        return work == null ? null : work.title();
    }
}
