package dev.takedown.audit.web;

import dev.takedown.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail page: chain status and, for a case id, that case's timeline. */
@Controller
class AuditPages {

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String trail(@RequestParam(required = false) String caseId, Model model) {
        model.addAttribute("status", trail.verify());
        if (caseId != null && !caseId.isBlank()) {
            model.addAttribute("caseId", caseId);
            model.addAttribute("timeline", trail.caseTimeline(caseId));
        }
        return "audit/trail";
    }
}
