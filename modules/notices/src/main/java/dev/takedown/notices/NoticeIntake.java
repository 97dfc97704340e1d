package dev.takedown.notices;

import dev.takedown.events.NoticeReceived;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.NoticeTarget;
import dev.takedown.notices.internal.NotifierStanding;
import dev.takedown.notices.internal.Submissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts notices from every channel. A notice is stored together with its {@link NoticeReceived} event
 * (transactional outbox), so an acknowledged notice always reaches the workflow.
 */
@Service
public class NoticeIntake {

    private final NoticeRepository notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Submissions submissions;
    private final Clock clock;

    private final NotifierStanding standing;
    private final ProfilePolicies policies;
    private final CaseLifecycle lifecycle;

    NoticeIntake(
            NoticeRepository notices,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Submissions submissions,
            NotifierStanding standing,
            ProfilePolicies policies,
            CaseLifecycle lifecycle,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.standing = standing;
        this.policies = policies;
        this.notices = notices;
        this.events = events;
        this.transaction = transaction;
        this.submissions = submissions;
        this.clock = clock;
    }

    /**
     * Files a notice. With {@code requireComplete} a notice too incomplete to cure (no work, no locatable target or
     * no way to reach the notifier) is refused with every problem named; a curable one is stored and waits for
     * completion. Without it (asynchronous channels that cannot answer) every notice is stored and the lifecycle
     * cures or closes it. Retries with the same idempotency key return the first case, even when they race.
     */
    public IntakeResult submit(
            NoticeSubmission submission, Submitter submitter, String idempotencyKey, boolean requireComplete) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw new NoticeIncompleteException(List.of(new FieldProblem("Idempotency-Key", "at most 200 characters")));
        }
        String hash = hash(submission);
        if (key != null) {
            Optional<IntakeResult> earlier = replay(submitter.organisationId(), key, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<FieldProblem> problems = policies.problems(submission);
        if (requireComplete && !problems.isEmpty() && !policies.curable(submission)) {
            throw new NoticeIncompleteException(problems);
        }
        try {
            return transaction.execute(status -> register(submission, submitter, key, hash, problems));
        } catch (DataIntegrityViolationException raced) {
            if (key == null) {
                throw raced;
            }
            return replay(submitter.organisationId(), key, hash).orElseThrow(() -> raced);
        }
    }

    private Optional<IntakeResult> replay(String organisationId, String key, String hash) {
        return notices.findByOrganisationIdAndIdempotencyKey(organisationId, key)
                .map(earlier -> {
                    if (!earlier.getRequestHash().equals(hash)) {
                        throw new IdempotencyConflictException(key);
                    }
                    return new IntakeResult(earlier.getId().toString(), earlier.getStatus(), true, List.of());
                });
    }

    private IntakeResult register(
            NoticeSubmission submission, Submitter submitter, String key, String hash, List<FieldProblem> problems) {
        Instant now = clock.instant();
        List<String> profiles = JurisdictionProfile.namesOf(submission);
        var notifier = submission.notifier();
        String firstTitle = submission.works().stream()
                .filter(w -> w != null && w.title() != null)
                .map(NoticeSubmission.Work::title)
                .findFirst()
                .orElse(null);
        Notice notice = new Notice(
                UUID.randomUUID(),
                submitter.organisationId(),
                submitter.actor(),
                submitter.channel().name(),
                profiles,
                notifier == null ? null : notifier.legalName(),
                notifier == null ? null : notifier.email(),
                firstTitle,
                submissions.write(submission),
                now,
                key,
                hash);
        notice.addTargetsOf(submission);
        boolean suspended = standing.of(submitter.organisationId(), now).status() == NotifierStanding.Status.SUSPENDED;
        // looked up before the notice is stored, which would otherwise find itself
        Optional<Notice> open = suspended || !problems.isEmpty() ? Optional.empty() : openCaseOn(notice);
        Notice saved = notices.saveAndFlush(notice);
        String caseId = saved.getId().toString();
        String disposition = NoticeReceived.PROCESS;
        String joined = null;
        if (suspended) {
            disposition = NoticeReceived.NOT_PROCESSED;
            lifecycle.recordNotProcessed(caseId);
        } else if (open.isPresent()) {
            disposition = NoticeReceived.JOINED;
            joined = open.get().getId().toString();
            lifecycle.join(caseId, joined);
        }
        String notifierType =
                notifier == null ? null : notifier.trustedFlaggerId() != null ? "TRUSTED_FLAGGER" : notifier.type();
        events.publishEvent(new NoticeReceived(
                UUID.randomUUID(),
                now,
                caseId,
                submitter.actor(),
                submitter.organisationId(),
                profiles,
                submitter.channel().name(),
                saved.getTargets().size(),
                disposition,
                joined,
                notifierType == null ? "RIGHTS_HOLDER" : notifierType,
                submission.claim() == null ? null : submission.claim().rightType()));
        return new IntakeResult(caseId, saved.getStatus(), false, problems);
    }

    private Optional<Notice> openCaseOn(Notice notice) {
        List<String> urls =
                notice.getTargets().stream().map(NoticeTarget::getUrl).toList();
        if (urls.isEmpty()) {
            return Optional.empty();
        }
        List<CaseStatus> open =
                Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();
        return notices.findOpenOnTargets(urls, open, Limit.of(1)).stream().findFirst();
    }

    private String hash(NoticeSubmission submission) {
        return NoticeHashes.of(submissions.write(submission));
    }
}
