package dev.takedown.audit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.CaseQuery;
import dev.takedown.audit.CaseSearch;
import dev.takedown.audit.CaseState;
import dev.takedown.audit.ComplianceReports;
import dev.takedown.audit.LegalHolds;
import dev.takedown.audit.SlaDashboard;
import dev.takedown.audit.TdbStatements;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The compliance workspace: chain status and case search, a case's timeline with its evidence bundle, the SLA
 * dashboard and the transparency report. Downloads have page URLs too, because the API door is stateless and does
 * not read the page session.
 */
@Controller
class AuditPages {

    /** Days shown when no range is chosen. */
    private static final int DEFAULT_DAYS = 30;

    private final AuditTrail trail;
    private final CaseSearch search;
    private final ComplianceReports reports;
    private final LegalHolds holds;
    private final TdbStatements tdb;
    private final ObjectMapper json;

    AuditPages(
            AuditTrail trail,
            CaseSearch search,
            ComplianceReports reports,
            LegalHolds holds,
            TdbStatements tdb,
            ObjectMapper json) {
        this.trail = trail;
        this.search = search;
        this.reports = reports;
        this.holds = holds;
        this.tdb = tdb;
        this.json = json;
    }

    @GetMapping("/audit")
    String workspace(
            @RequestParam(required = false) String caseId,
            @RequestParam(required = false) String notifier,
            @RequestParam(required = false) String work,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) CaseState status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (caseId != null && !caseId.isBlank()) {
            // one path segment whatever the id holds
            return "redirect:/audit/cases/" + UriUtils.encodePathSegment(caseId.strip(), StandardCharsets.UTF_8);
        }
        CaseQuery query = new CaseQuery(notifier, work, target, status, from, to, page, 50);
        model.addAttribute("status", trail.verify());
        model.addAttribute("query", query);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("results", search.search(query));
        return "audit/trail";
    }

    @GetMapping("/audit/cases/{caseId}")
    String caseTimeline(@PathVariable String caseId, Model model) {
        model.addAttribute("caseId", caseId);
        var timeline = trail.caseTimeline(caseId);
        model.addAttribute("timeline", timeline);
        model.addAttribute("aigc", AigcFacts.of(timeline, json));
        model.addAttribute("hold", holds.find(caseId).orElse(null));
        return "audit/case";
    }

    @GetMapping("/audit/cases/{caseId}/bundle")
    ResponseEntity<byte[]> evidenceBundle(@PathVariable String caseId) {
        return Downloads.bundle(trail, caseId);
    }

    @GetMapping("/audit/sla")
    String sla(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model)
            throws JsonProcessingException {
        LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        SlaDashboard sla = reports.sla(start, end);
        model.addAttribute("sla", sla);
        // the chart script reads its data from this attribute: the page carries no inline script (CSP)
        model.addAttribute("slaJson", json.writeValueAsString(sla));
        return "audit/sla";
    }

    @GetMapping("/audit/reports/transparency")
    String transparency(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        model.addAttribute("report", reports.transparency(start, end));
        // the payloads as the Transparency Database receives them (on the local sandbox too)
        model.addAttribute("tdbEndpoint", tdb.endpoint().map(Object::toString).orElse(null));
        model.addAttribute("tdbStatements", tdb.recent(20));
        return "audit/transparency";
    }

    @GetMapping("/audit/reports/transparency/download")
    ResponseEntity<?> transparencyDownload(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "csv") String format) {
        return Downloads.transparency(reports.transparency(from, to), format);
    }

    /** A reversed or over-long range, a page size out of bounds: the error page with 400, not a 500. */
    @ExceptionHandler(IllegalArgumentException.class)
    void badRequest(IllegalArgumentException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }
}
