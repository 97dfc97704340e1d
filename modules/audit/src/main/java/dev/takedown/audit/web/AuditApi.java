package dev.takedown.audit.web;

import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.LedgerRecord;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Read-only ledger API for compliance tooling. */
@RestController
@RequestMapping("/api/audit")
class AuditApi {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/cases/{caseId}")
    List<LedgerRecord> caseTimeline(@PathVariable String caseId) {
        return trail.caseTimeline(caseId);
    }

    @GetMapping("/cases/{caseId}/bundle")
    ResponseEntity<byte[]> evidenceBundle(@PathVariable String caseId) {
        byte[] zip = trail.evidenceBundle(caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no ledger records for the case"));
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("case-" + caseId.replaceAll("[^A-Za-z0-9._-]", "_") + "-evidence.zip").build()
                        .toString())
                .body(zip);
    }

    @GetMapping("/verify")
    ChainStatus verify() {
        return trail.verify();
    }
}
