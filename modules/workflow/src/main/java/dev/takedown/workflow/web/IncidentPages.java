package dev.takedown.workflow.web;

import dev.takedown.kernel.Caller;
import dev.takedown.workflow.IncidentNotFoundException;
import dev.takedown.workflow.Incidents;
import dev.takedown.workflow.OpenIncident;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' incident list: which case is stuck at which step since when and why, and a retry button. */
@Controller
@RequestMapping("/admin/incidents")
class IncidentPages {

    /** Shown at most; the gauge and the health count all of them. */
    static final int SHOWN = 200;

    private final Incidents incidents;

    IncidentPages(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("incidents", incidents.open(SHOWN));
        model.addAttribute("total", incidents.count());
        return "workflow/incidents";
    }

    @PostMapping("/{incidentId}/retry")
    String retry(@PathVariable String incidentId, Authentication authentication, RedirectAttributes flash) {
        try {
            OpenIncident retried = incidents.retry(incidentId, Caller.of(authentication));
            flash.addFlashAttribute("retried", retried);
        } catch (IncidentNotFoundException gone) {
            flash.addFlashAttribute("gone", incidentId);
        }
        return "redirect:/admin/incidents";
    }
}
