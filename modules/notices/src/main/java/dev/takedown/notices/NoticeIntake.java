package dev.takedown.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.NoticeReceived;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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
    private final ObjectMapper json;
    private final Clock clock;

    NoticeIntake(NoticeRepository notices, ApplicationEventPublisher events, TransactionTemplate transaction,
            ObjectMapper json, Optional<Clock> clock) {
        this.notices = notices;
        this.events = events;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Files a notice. With {@code requireComplete} an incomplete notice is refused with every problem named;
     * without it (asynchronous channels that cannot answer) it is stored and the lifecycle closes it as incomplete.
     * Retries with the same idempotency key return the first case, even when they race each other.
     */
    public IntakeResult submit(NoticeSubmission submission, Submitter submitter, String idempotencyKey,
            boolean requireComplete) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        String hash = hash(submission);
        if (key != null) {
            Optional<IntakeResult> earlier = replay(submitter.organisationId(), key, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<FieldProblem> problems = JurisdictionProfile.check(submission);
        if (requireComplete && !problems.isEmpty()) {
            throw new NoticeIncompleteException(problems);
        }
        try {
            return transaction.execute(status -> register(submission, submitter, key, hash));
        } catch (DataIntegrityViolationException raced) {
            if (key == null) {
                throw raced;
            }
            return replay(submitter.organisationId(), key, hash).orElseThrow(() -> raced);
        }
    }

    private Optional<IntakeResult> replay(String organisationId, String key, String hash) {
        return notices.findByOrganisationIdAndIdempotencyKey(organisationId, key).map(earlier -> {
            if (!earlier.requestHash().equals(hash)) {
                throw new IdempotencyConflictException(key);
            }
            return new IntakeResult(earlier.id().toString(), earlier.status(), true);
        });
    }

    private IntakeResult register(NoticeSubmission submission, Submitter submitter, String key, String hash) {
        Instant now = clock.instant();
        List<String> profiles = submission.jurisdictionProfiles().isEmpty()
                ? List.of(JurisdictionProfile.DEFAULT.name()) : submission.jurisdictionProfiles();
        var notifier = submission.notifier();
        String firstTitle = submission.works().stream().filter(w -> w != null && w.title() != null)
                .map(NoticeSubmission.Work::title).findFirst().orElse(null);
        Notice notice = new Notice(UUID.randomUUID(), submitter.organisationId(), submitter.actor(),
                submitter.channel().name(), profiles, notifier == null ? null : notifier.legalName(),
                notifier == null ? null : notifier.email(), firstTitle, toJson(submission), now, key, hash);
        for (int i = 0; i < submission.targets().size(); i++) {
            var target = submission.targets().get(i);
            if (target != null && target.url() != null && TargetUrl.isValid(target.url())) {
                notice.addTarget(i, target.type() == null ? "URL" : target.type(), TargetUrl.canonical(target.url()));
            }
        }
        notices.saveAndFlush(notice);
        events.publishEvent(new NoticeReceived(UUID.randomUUID(), now, notice.id().toString(), submitter.actor(),
                submitter.organisationId(), profiles, submitter.channel().name(), notice.targets().size()));
        return new IntakeResult(notice.id().toString(), notice.status(), false);
    }

    private String toJson(NoticeSubmission submission) {
        try {
            return json.writeValueAsString(submission);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notice cannot be serialised", e);
        }
    }

    private String hash(NoticeSubmission submission) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(toJson(submission).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
