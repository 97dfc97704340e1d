package dev.takedown.audit.web;

import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.TransparencyReport;
import dev.takedown.audit.internal.ReportCsv;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** Attachments served both to API clients and, through a session, to the compliance pages. */
final class Downloads {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Downloads() {}

    static ResponseEntity<byte[]> bundle(AuditTrail trail, String caseId) {
        byte[] zip = trail.evidenceBundle(caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no ledger records for the case"));
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("case-" + safe(caseId) + "-evidence.zip"))
                .body(zip);
    }

    /** JSON as the report record, or CSV as an attachment; any other format is a 400. */
    static ResponseEntity<?> transparency(TransparencyReport report, String format) {
        String name = "transparency-" + report.from() + "-" + report.to();
        return switch (format) {
            case "json" ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".json"))
                        .body(report);
            case "csv" ->
                ResponseEntity.ok()
                        .contentType(CSV)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".csv"))
                        .body(ReportCsv.transparency(report).getBytes(StandardCharsets.UTF_8));
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be csv or json");
        };
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
