package dev.takedown.audit.web;

import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.LedgerRecord;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only ledger API for compliance tooling. */
@RestController
@RequestMapping("/api/audit")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/cases/{caseId}")
    List<LedgerRecord> caseTimeline(@PathVariable String caseId) {
        return trail.caseTimeline(caseId);
    }

    @GetMapping("/verify")
    ChainStatus verify() {
        return trail.verify();
    }
}
