package dev.takedown.notices.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseNotification;
import dev.takedown.notices.CaseSummary;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.CounterNotices;
import dev.takedown.notices.IntakeResult;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NoticeIncompleteException;
import dev.takedown.notices.NoticeIntake;
import dev.takedown.notices.NoticeSubmission;
import dev.takedown.notices.Submitter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/notices", produces = MediaType.APPLICATION_JSON_VALUE)
class NoticeApi {

    private final NoticeIntake intake;
    private final NoticeCases cases;
    private final CounterNotices counterNotices;
    private final CaseLifecycle lifecycle;

    NoticeApi(NoticeIntake intake, NoticeCases cases, CounterNotices counterNotices, CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.intake = intake;
        this.cases = cases;
        this.counterNotices = counterNotices;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IntakeResult> file(
            @RequestBody NoticeSubmission notice,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        IntakeResult result = intake.submit(
                notice,
                new Submitter(caller.actor(), caller.organisationId(), Submitter.Channel.API),
                idempotencyKey,
                true);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/notices/" + result.caseId()))
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .body(result);
    }

    @GetMapping
    List<CaseSummary> list(Authentication authentication) {
        return cases.list(Caller.of(authentication));
    }

    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId, Authentication authentication) {
        return cases.find(caseId, Caller.of(authentication)).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    /** Completes a notice that waits for its cure (status INCOMPLETE_CURE); the lifecycle validates it again. */
    @PutMapping(path = "/{caseId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> cure(
            @PathVariable String caseId, @RequestBody NoticeSubmission completed, Authentication authentication) {
        lifecycle.cure(caseId, completed, Caller.of(authentication));
        return ResponseEntity.accepted().build();
    }

    /** Proof that the rights holder complained to an authority or sued, after a counter-notice. */
    @PostMapping(path = "/{caseId}/legal-action-proof", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> legalActionProof(
            @PathVariable String caseId, @RequestBody LegalActionProof proof, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        if (proof.kind() == null
                || proof.kind().isBlank()
                || proof.reference() == null
                || proof.reference().isBlank()) {
            problems.add(new FieldProblem(
                    "reference",
                    "name the kind of proceedings and its reference (case acceptance notice, complaint receipt)"));
        }
        TextBounds.requireWithin("kind", proof.kind(), 40, problems);
        TextBounds.requireWithin("reference", proof.reference(), 1000, problems);
        if (!problems.isEmpty()) {
            throw new NoticeIncompleteException(problems);
        }
        counterNotices.fileLegalActionProof(
                caseId, proof.kind().strip(), proof.reference().strip(), Caller.of(authentication));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{caseId}/retraction")
    ResponseEntity<Void> retract(@PathVariable String caseId, Authentication authentication) {
        counterNotices.retract(caseId, Caller.of(authentication));
        return ResponseEntity.accepted().build();
    }

    /** What each party was told (staff only: forwarded notices carry the uploader's link). */
    @GetMapping("/{caseId}/notifications")
    List<CaseNotification> notifications(@PathVariable String caseId) {
        return cases.notifications(caseId);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LegalActionProof(String kind, String reference) {}
}
