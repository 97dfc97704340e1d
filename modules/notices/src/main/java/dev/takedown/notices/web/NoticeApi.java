package dev.takedown.notices.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.correspondence.LetterView;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.notices.AnswerInvalidException;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseSummary;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.CounterNotices;
import dev.takedown.notices.Deadline;
import dev.takedown.notices.Deadlines;
import dev.takedown.notices.IntakeResult;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NoticeIntake;
import dev.takedown.notices.NoticeSubmission;
import dev.takedown.notices.ProceedingsKind;
import dev.takedown.notices.ProceedingsOutcome;
import dev.takedown.notices.Submitter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final Deadlines deadlines;

    NoticeApi(
            NoticeIntake intake,
            NoticeCases cases,
            CounterNotices counterNotices,
            CaseLifecycle lifecycle,
            Deadlines deadlines) {
        this.lifecycle = lifecycle;
        this.deadlines = deadlines;
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

    /**
     * Proof of proceedings after a counter-notice: {@code kind} {@code LAWSUIT} or (not under US_DMCA)
     * {@code AUTHORITY_COMPLAINT}, and the reference of the case acceptance notice or complaint receipt.
     */
    @PostMapping(path = "/{caseId}/legal-action-proof", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> legalActionProof(
            @PathVariable String caseId, @RequestBody LegalActionProof proof, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ProceedingsKind> kind = ProceedingsKind.parse(proof.kind());
        if (kind.isEmpty()) {
            problems.add(new FieldProblem("kind", "one of " + List.of(ProceedingsKind.values())));
        }
        requireReference(
                proof.reference(), "the reference of the case acceptance notice or complaint receipt", problems);
        if (!problems.isEmpty()) {
            throw new AnswerInvalidException(problems);
        }
        counterNotices.fileLegalActionProof(
                caseId, kind.orElseThrow(), proof.reference().strip(), Caller.of(authentication));
        return ResponseEntity.accepted().build();
    }

    /**
     * Staff record how the proceedings that kept the measure ended: {@code outcome} {@code UPHELD} (the case closes,
     * the measure stays), {@code DISMISSED} or {@code WITHDRAWN} (the content is restored), with the reference of the
     * judgment or decision.
     */
    @PostMapping(path = "/{caseId}/proceedings-outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> proceedingsOutcome(
            @PathVariable String caseId, @RequestBody ProceedingsResult result, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ProceedingsOutcome> outcome = ProceedingsOutcome.parse(result.outcome());
        if (outcome.isEmpty()) {
            problems.add(new FieldProblem("outcome", "one of " + List.of(ProceedingsOutcome.values())));
        }
        requireReference(result.reference(), "the reference of the judgment or the authority's decision", problems);
        if (!problems.isEmpty()) {
            throw new AnswerInvalidException(problems);
        }
        counterNotices.recordProceedingsOutcome(
                caseId, outcome.orElseThrow(), result.reference().strip(), Caller.of(authentication));
        return ResponseEntity.accepted().build();
    }

    /**
     * Every deadline running on the case: its name, when the engine acts ({@code at}) and when the rule puts it
     * ({@code legal_at}), the rule, the calendar and the party who may act before it.
     */
    @GetMapping("/{caseId}/deadlines")
    List<Deadline> deadlines(@PathVariable String caseId, Authentication authentication) {
        CaseView found =
                cases.find(caseId, Caller.of(authentication)).orElseThrow(() -> new CaseNotFoundException(caseId));
        return deadlines.of(found.caseId());
    }

    private static void requireReference(String reference, String what, List<FieldProblem> problems) {
        if (reference == null || reference.isBlank()) {
            problems.add(new FieldProblem("reference", what + " is required"));
        }
        TextBounds.requireWithin("reference", reference, 1000, problems);
    }

    @PostMapping("/{caseId}/retraction")
    ResponseEntity<Void> retract(@PathVariable String caseId, Authentication authentication) {
        counterNotices.retract(caseId, Caller.of(authentication));
        return ResponseEntity.accepted().build();
    }

    /**
     * The letters the caller may see with their delivery status and times: the notifier's organisation the letters
     * to the notifier (among them the full counter-notice copy), staff every party's.
     */
    @GetMapping("/{caseId}/letters")
    List<LetterView> letters(@PathVariable String caseId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        cases.find(caseId, caller).orElseThrow(() -> new CaseNotFoundException(caseId));
        return cases.letters(caseId, caller);
    }

    /**
     * Every letter to either party with its delivery status and times (staff only: letters to uploaders open their
     * signed page).
     */
    @GetMapping("/{caseId}/notifications")
    List<LetterView> notifications(@PathVariable String caseId) {
        return cases.letters(caseId);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LegalActionProof(String kind, String reference) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProceedingsResult(String outcome, String reference) {}
}
