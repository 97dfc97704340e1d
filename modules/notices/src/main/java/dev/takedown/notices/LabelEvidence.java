package dev.takedown.notices;

import dev.takedown.events.LabelChecked;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.NoticeTarget;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
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

    private final NoticeRepository notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LabelEvidence(NoticeRepository notices, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.notices = notices;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public ImplicitLabels.Assessment check(String caseId, int targetIndex, byte[] image, String actor) {
        Notice notice = find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        List<NoticeTarget> targets = notice.targets();
        if (targetIndex < 0 || targetIndex >= targets.size()) {
            throw new NoticeIncompleteException(List.of(new FieldProblem("target_index",
                    "the case has " + targets.size() + " target(s), numbered from 0")));
        }
        NoticeTarget target = targets.get(targetIndex);
        ImplicitLabels.Assessment assessment = ImplicitLabels.assess(image, target.produceId());
        events.publishEvent(new LabelChecked(UUID.randomUUID(), clock.instant(), caseId, actor, targetIndex,
                target.url(), assessment.status().name(), assessment.fields(), assessment.source(),
                assessment.problem()));
        return assessment;
    }

    private Optional<Notice> find(String caseId) {
        try {
            return notices.findById(UUID.fromString(caseId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
