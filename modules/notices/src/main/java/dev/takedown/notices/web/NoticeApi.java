package dev.takedown.notices.web;

import dev.takedown.notices.CaseSummary;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.IntakeResult;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NoticeIntake;
import dev.takedown.notices.NoticeSubmission;
import dev.takedown.notices.Reader;
import dev.takedown.notices.Submitter;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping(path = "/api/notices", produces = MediaType.APPLICATION_JSON_VALUE)
class NoticeApi {

    private final NoticeIntake intake;
    private final NoticeCases cases;

    NoticeApi(NoticeIntake intake, NoticeCases cases) {
        this.intake = intake;
        this.cases = cases;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IntakeResult> file(@RequestBody NoticeSubmission notice,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        Reader reader = Reader.of(authentication);
        IntakeResult result = intake.submit(notice,
                new Submitter(reader.actor(), reader.organisationId(), Submitter.Channel.API), idempotencyKey, true);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/notices/" + result.caseId()))
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .body(result);
    }

    @GetMapping
    List<CaseSummary> list(Authentication authentication) {
        return cases.list(Reader.of(authentication));
    }

    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId, Authentication authentication) {
        return cases.find(caseId, Reader.of(authentication))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId));
    }
}
