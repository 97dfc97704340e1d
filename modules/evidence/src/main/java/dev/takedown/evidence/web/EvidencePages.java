package dev.takedown.evidence.web;

import dev.takedown.evidence.EvidenceCases;
import dev.takedown.evidence.EvidenceFiles;
import dev.takedown.kernel.Caller;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Evidence downloads from the case page and the review screen (signed-in session); same rules as the API. */
@Controller
class EvidencePages {

    private final EvidenceCases cases;
    private final EvidenceFiles evidence;

    EvidencePages(EvidenceCases cases, EvidenceFiles evidence) {
        this.cases = cases;
        this.evidence = evidence;
    }

    @GetMapping("/notices/{caseId}/evidence/{sha256}")
    ResponseEntity<Resource> download(
            @PathVariable String caseId, @PathVariable String sha256, Authentication authentication) {
        cases.readable(caseId, Caller.of(authentication))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId));
        return evidence.open(caseId, sha256)
                .map(EvidenceDownloads::response)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such evidence file"));
    }
}
