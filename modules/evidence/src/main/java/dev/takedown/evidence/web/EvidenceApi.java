package dev.takedown.evidence.web;

import dev.takedown.evidence.EvidenceCases;
import dev.takedown.evidence.EvidenceFiles;
import dev.takedown.evidence.EvidenceRefusedException;
import dev.takedown.evidence.StoredEvidence;
import dev.takedown.kernel.Caller;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files of a case. The notifier's organisation uploads while the case is open ({@code multipart/form-data},
 * one or more parts named {@code file}); the organisation and staff list and download. The tenancy rule is the
 * case's own ({@link EvidenceCases#readable}): another organisation's case is a 404, and every read by staff is on
 * the access log ({@code CaseViewed}).
 */
@RestController
@RequestMapping("/api/cases/{caseId}/evidence")
class EvidenceApi {

    private final EvidenceCases cases;
    private final EvidenceFiles evidence;

    EvidenceApi(EvidenceCases cases, EvidenceFiles evidence) {
        this.cases = cases;
        this.evidence = evidence;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<StoredEvidence>> upload(
            @PathVariable String caseId,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        EvidenceCases.ReadableCase readable = cases.readable(caseId, caller)
                .filter(c -> !caller.isStaff())
                .orElseThrow(() -> CaseRefusedException.notFound(caseId));
        if (!readable.open()) {
            throw CaseRefusedException.closed(caseId, readable.status());
        }
        if (files == null || files.isEmpty()) {
            throw new EvidenceRefusedException(
                    EvidenceRefusedException.Reason.EMPTY,
                    "file",
                    "send the files as multipart/form-data parts named 'file'");
        }
        List<StoredEvidence> stored = evidence.storeAll(
                caseId,
                caller.actor(),
                files.stream()
                        .map(f -> new EvidenceFiles.Upload(f.getOriginalFilename(), f::getInputStream))
                        .toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<StoredEvidence> list(@PathVariable String caseId, Authentication authentication) {
        cases.readable(caseId, Caller.of(authentication)).orElseThrow(() -> CaseRefusedException.notFound(caseId));
        return evidence.list(caseId);
    }

    @GetMapping("/{sha256}")
    ResponseEntity<Resource> download(
            @PathVariable String caseId, @PathVariable String sha256, Authentication authentication) {
        cases.readable(caseId, Caller.of(authentication)).orElseThrow(() -> CaseRefusedException.notFound(caseId));
        return evidence.open(caseId, sha256)
                .map(EvidenceDownloads::response)
                .orElseThrow(() -> CaseRefusedException.notFound(caseId + "/evidence/" + sha256));
    }
}
