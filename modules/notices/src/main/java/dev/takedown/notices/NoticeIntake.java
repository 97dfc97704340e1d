package dev.takedown.notices;

import dev.takedown.events.NoticeReceived;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.Standing;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.NoticeTarget;
import dev.takedown.notices.internal.Submissions;
import dev.takedown.notifiers.NotifierStatuses;
import dev.takedown.notifiers.PublicNotifiers;
import dev.takedown.notifiers.StatusCheck;
import dev.takedown.notifiers.StatusClaim;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts notices from every channel. A notice is stored together with its {@link NoticeReceived} event
 * (transactional outbox), so an acknowledged notice always reaches the workflow. A status the notice claims (trusted
 * flagger, authority order) counts only when the registries confirm it; a logged-out notifier's notice waits until the
 * notifier confirms its e-mail address, which is then its identity.
 */
@Service
public class NoticeIntake {

    private final NoticeRepository notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Submissions submissions;
    private final Clock clock;

    private final ProfilePolicies policies;
    private final CaseLifecycle lifecycle;
    private final Misuse misuse;
    private final NotifierStatuses statuses;
    private final PublicNotifiers publicNotifiers;
    private final String publicBaseUrl;
    private final ResponseTimes responseTimes;

    NoticeIntake(
            NoticeRepository notices,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Submissions submissions,
            ProfilePolicies policies,
            CaseLifecycle lifecycle,
            Misuse misuse,
            NotifierStatuses statuses,
            PublicNotifiers publicNotifiers,
            ResponseTimes responseTimes,
            @Value("${takedown.public-base-url:http://localhost:8080}") String publicBaseUrl,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.misuse = misuse;
        this.statuses = statuses;
        this.publicNotifiers = publicNotifiers;
        this.responseTimes = responseTimes;
        this.publicBaseUrl = publicBaseUrl;
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
        if (submitter.isAnonymous()
                && (submission.notifier() == null
                        || submission.notifier().email() == null
                        || submission.notifier().email().isBlank())) {
            throw new NoticeIncompleteException(List.of(
                    new FieldProblem("notifier.email", "a notifier without an account confirms its e-mail address")));
        }
        List<FieldProblem> problems = policies.problems(submission);
        // a right outside the profiles' vocabulary is refused on every channel: no cure can make it one
        if (!JurisdictionProfile.checkClaimTypes(submission).isEmpty()
                || requireComplete && !problems.isEmpty() && !policies.curable(submission)) {
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
                    return result(earlier, earlier.getStatus(), true, List.of(), null);
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
        StatusCheck status = statuses.check(claimOf(submission, submitter));
        notice.identify(
                submitter.isAnonymous() ? publicNotifiers.identity(notifier.email()) : submitter.organisationId(),
                status.notifierType(notifier == null ? null : notifier.type()),
                status.unverified() ? status.claimed().name() : null,
                status.entryId());
        if (submitter.isAnonymous()) {
            return awaitConfirmation(notices.saveAndFlush(notice), problems);
        }
        return admit(notice, submission, status, problems);
    }

    /**
     * A logged-out notifier's notice is stored as received and waits: its notifier is sent a signed, expiring link to
     * confirm the address before anything else happens. Until then nothing is published, so the notice neither
     * counts for nor against anybody; unconfirmed, it closes when the link expires ({@code UnconfirmedNotices}).
     */
    private IntakeResult awaitConfirmation(Notice saved, List<FieldProblem> problems) {
        String caseId = saved.getId().toString();
        String token = publicNotifiers.confirmationToken(caseId, saved.getNotifierEmail());
        lifecycle.awaitConfirmation(
                caseId, publicBaseUrl + "/complaints/confirm/" + token, publicNotifiers.confirmationValidity());
        return result(saved, CaseStatus.AWAITING_CONFIRMATION, false, problems, null);
    }

    /**
     * Confirms the address of a logged-out notifier's notice through the token its link carries; the notice is then
     * processed as if it had just arrived, identified by that address. Confirming again returns where the notice
     * stands. Empty for a forged, expired or foreign token.
     */
    public Optional<IntakeResult> confirm(String token) {
        return transaction.execute(tx -> publicNotifiers
                .caseOf(token)
                .flatMap(this::load)
                .filter(n -> Submitter.Channel.PUBLIC.name().equals(n.getChannel()))
                .filter(n -> publicNotifiers
                        .confirm(token, n.getId().toString(), n.getNotifierEmail())
                        .isPresent())
                .map(notice -> {
                    String caseId = notice.getId().toString();
                    if (notice.getStatus() != CaseStatus.AWAITING_CONFIRMATION) {
                        return result(notice, notice.getStatus(), true, List.of(), null);
                    }
                    lifecycle.confirmAddress(caseId);
                    NoticeSubmission submission = submissions.of(notice);
                    StatusCheck status = statuses.check(claimOf(submission, Submitter.anonymous()));
                    return admit(notice, submission, status, policies.problems(submission));
                }));
    }

    /**
     * Stores the notice and starts what happens to it: recorded, not processed, while its notifier is suspended for
     * misuse (DSA Art. 23(2)); joined to an open case on its targets; or processed. A status claimed in vain is noted
     * on the case. What the notifier filed, and each account it names, count as activity for their standing.
     */
    private IntakeResult admit(
            Notice notice, NoticeSubmission submission, StatusCheck status, List<FieldProblem> problems) {
        Instant now = clock.instant();
        Party notifierParty = Party.notifier(notice.getNotifierParty());
        Standing standing = misuse.standing(notifierParty);
        // looked up before the notice is stored, which would otherwise find itself
        Optional<Notice> open = standing.suspended() || !problems.isEmpty() ? Optional.empty() : openCaseOn(notice);
        Optional<Notice> restored =
                standing.suspended() ? Optional.empty() : restoredUnderRegulations(notice, submission);
        Notice saved = notices.saveAndFlush(notice);
        String caseId = saved.getId().toString();
        if (status.unverified()) {
            lifecycle.recordUnverifiedStatus(caseId, status.claimed().name(), status.refusal());
        }
        String disposition = NoticeReceived.PROCESS;
        String joined = null;
        if (standing.suspended()) {
            disposition = NoticeReceived.NOT_PROCESSED;
            lifecycle.recordNotProcessed(caseId, standing.until());
        } else if (restored.isPresent()) {
            disposition = NoticeReceived.NOT_PROCESSED;
            lifecycle.recordRenotificationBarred(caseId, restored.get().getId().toString());
        } else {
            misuse.recordActivity(notifierParty, caseId);
            saved.getTargets().stream()
                    .map(NoticeTarget::getAccountId)
                    .filter(account -> account != null && !account.isBlank())
                    .distinct()
                    .forEach(account -> misuse.recordActivity(Party.uploader(account), caseId));
            if (open.isPresent()) {
                disposition = NoticeReceived.JOINED;
                joined = open.get().getId().toString();
                lifecycle.join(caseId, joined);
            }
        }
        events.publishEvent(new NoticeReceived(
                UUID.randomUUID(),
                now,
                caseId,
                saved.getSubmittedBy(),
                saved.getOrganisationId(),
                saved.getProfiles(),
                saved.getChannel(),
                saved.getTargets().size(),
                disposition,
                joined,
                saved.getNotifierType(),
                claimTypes(submission).isEmpty() ? null : claimTypes(submission).get(0),
                saved.getClaimedStatus(),
                saved.getRegistryEntry(),
                claimTypes(submission),
                status.memberState()));
        return result(saved, saved.getStatus(), false, problems, NotifierStatus.of(status));
    }

    /** Every answer acknowledges the receipt with the response times in force (DSA Art. 16(4)). */
    private IntakeResult result(
            Notice notice,
            CaseStatus status,
            boolean replayed,
            List<FieldProblem> problems,
            NotifierStatus notifierStatus) {
        return new IntakeResult(
                notice.getId().toString(),
                status,
                replayed,
                problems,
                notifierStatus,
                notice.getReceivedAt(),
                responseTimes.published());
    }

    private static List<String> claimTypes(NoticeSubmission submission) {
        return submission.claim() == null
                ? List.of()
                : submission.claim().claimTypes().stream().map(Enum::name).toList();
    }

    private static StatusClaim claimOf(NoticeSubmission submission, Submitter submitter) {
        var notifier = submission.notifier();
        var claim = submission.claim();
        // the public channel is nobody's credential: a logged-out notifier can hold no status
        return new StatusClaim(
                submitter.isAnonymous() ? null : submitter.actor(),
                notifier == null ? null : notifier.type(),
                notifier == null ? null : notifier.trustedFlaggerId(),
                claim == null ? null : claim.category(),
                claimTypes(submission).isEmpty() ? null : claimTypes(submission).get(0),
                claim == null ? null : claim.legalBasis());
    }

    private Optional<Notice> load(String caseId) {
        try {
            return notices.findById(UUID.fromString(caseId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private Optional<Notice> openCaseOn(Notice notice) {
        List<String> urls =
                notice.getTargets().stream().map(NoticeTarget::getUrl).toList();
        if (urls.isEmpty()) {
            return Optional.empty();
        }
        List<CaseStatus> open =
                Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();
        // a confirmed public notice is stored already (and open since its confirmation): it joins no case of its own
        return notices.findOpenOnTargets(urls, open, Limit.of(2)).stream()
                .filter(other -> !other.getId().equals(notice.getId()))
                .findFirst();
    }

    /**
     * Under the 2013 Regulations a rights holder may not notify again a work restored after a counter-notice (Art.
     * 17): the notifier's restored case in that profile on one of the targets, for one of the same works.
     */
    private Optional<Notice> restoredUnderRegulations(Notice notice, NoticeSubmission submission) {
        String regulations = JurisdictionProfile.CN_REGS_2013.name();
        if (!notice.getProfiles().contains(regulations)
                || !policies.of(JurisdictionProfile.CN_REGS_2013).enabled()) {
            return Optional.empty();
        }
        List<String> urls =
                notice.getTargets().stream().map(NoticeTarget::getUrl).toList();
        Set<String> works = workTitles(submission);
        if (urls.isEmpty() || works.isEmpty()) {
            return Optional.empty();
        }
        return notices
                .findNotifiersOnTargets(urls, CaseStatus.RESTORED, notice.getNotifierParty(), Limit.of(20))
                .stream()
                .filter(earlier -> earlier.getProfiles().contains(regulations))
                .filter(earlier -> !Collections.disjoint(works, workTitles(submissions.of(earlier))))
                .findFirst();
    }

    private static Set<String> workTitles(NoticeSubmission submission) {
        return submission.works().stream()
                .filter(w -> w != null && w.title() != null && !w.title().isBlank())
                .map(w -> w.title().strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private String hash(NoticeSubmission submission) {
        return NoticeHashes.of(submissions.write(submission));
    }
}
