package dev.takedown.audit.web;

import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.CasePage;
import dev.takedown.audit.CaseQuery;
import dev.takedown.audit.CaseSearch;
import dev.takedown.audit.CaseState;
import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.ComplianceReports;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.audit.LegalHold;
import dev.takedown.audit.LegalHolds;
import dev.takedown.audit.Retention;
import dev.takedown.audit.RetentionReport;
import dev.takedown.audit.SlaDashboard;
import dev.takedown.audit.TransparencyReport;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Ledger API for compliance tooling: timelines, verification, bundles, search, reports, holds and retention. */
@RestController
@RequestMapping("/api/audit")
class AuditApi {

    private final AuditTrail trail;
    private final CaseSearch search;
    private final ComplianceReports reports;
    private final LegalHolds holds;
    private final Retention retention;

    AuditApi(AuditTrail trail, CaseSearch search, ComplianceReports reports, LegalHolds holds, Retention retention) {
        this.trail = trail;
        this.search = search;
        this.reports = reports;
        this.holds = holds;
        this.retention = retention;
    }

    @GetMapping("/cases")
    CasePage search(
            @RequestParam(required = false) String notifier,
            @RequestParam(required = false) String work,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) CaseState status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return search.search(new CaseQuery(notifier, work, target, status, from, to, page, size));
    }

    @GetMapping("/cases/{caseId}")
    List<LedgerRecord> caseTimeline(@PathVariable String caseId) {
        return trail.caseTimeline(caseId);
    }

    @GetMapping("/cases/{caseId}/bundle")
    ResponseEntity<byte[]> evidenceBundle(@PathVariable String caseId) {
        return Downloads.bundle(trail, caseId);
    }

    @GetMapping("/verify")
    ChainStatus verify() {
        return trail.verify();
    }

    @GetMapping("/reports/transparency")
    ResponseEntity<?> transparency(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "json") String format) {
        TransparencyReport report = reports.transparency(from, to);
        return Downloads.transparency(report, format);
    }

    /** @param target the SLA, ISO-8601 (e.g. PT12H); the configured one when absent */
    @GetMapping("/reports/sla")
    SlaDashboard sla(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Duration target) {
        return target == null ? reports.sla(from, to) : reports.sla(from, to, target);
    }

    @GetMapping("/legal-holds")
    List<LegalHold> legalHolds() {
        return holds.all();
    }

    @PostMapping("/cases/{caseId}/legal-hold")
    LegalHold placeHold(@PathVariable String caseId, @RequestBody HoldRequest request, Principal principal) {
        return holds.place(caseId, principal.getName(), request.reason())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no ledger records for the case"));
    }

    @DeleteMapping("/cases/{caseId}/legal-hold")
    LegalHold releaseHold(
            @PathVariable String caseId, @RequestParam(required = false) String reason, Principal principal) {
        return holds.release(caseId, principal.getName(), reason)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "the case is not on hold"));
    }

    @GetMapping("/retention")
    RetentionReport retention() {
        return retention.due(Instant.now());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    record HoldRequest(String reason) {}
}
