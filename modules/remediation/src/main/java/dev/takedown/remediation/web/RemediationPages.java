package dev.takedown.remediation.web;

import dev.takedown.remediation.RemediationConflictException;
import dev.takedown.remediation.RemediationNotFoundException;
import dev.takedown.remediation.RemediationView;
import dev.takedown.remediation.Remediations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The model owner's page: open remediations, each with the last failure and a form to record a change. */
@Controller
class RemediationPages {

    private final Remediations remediations;

    RemediationPages(Remediations remediations) {
        this.remediations = remediations;
    }

    @GetMapping("/remediations")
    String list(Model model) {
        List<RemediationView> open = remediations.list(null);
        model.addAttribute("remediations", open);
        model.addAttribute("now", Instant.now());
        return "remediation/list";
    }

    @PostMapping("/remediations/{remediationId}/changes")
    String change(
            @PathVariable String remediationId,
            @RequestParam(name = "filter_version", required = false) String filterVersion,
            @RequestParam(name = "model_version", required = false) String modelVersion,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "added_terms", required = false) String addedTerms,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        ChangeForm form = ChangeForm.fromPage(filterVersion, modelVersion, description, addedTerms);
        List<Map<String, String>> problems = form.problems();
        try {
            remediations.find(remediationId);
            if (problems.isEmpty()) {
                remediations.recordChange(
                        remediationId,
                        form.filterVersionOrNull(),
                        form.modelVersionOrNull(),
                        form.description().strip(),
                        form.termsStripped(),
                        user.getName());
                redirect.addFlashAttribute("recorded", remediationId);
                return "redirect:/remediations";
            }
        } catch (RemediationNotFoundException | RemediationConflictException notOpen) {
            problems = List.of(Map.of("field", "remediation", "message", notOpen.getMessage()));
        }
        model.addAttribute("remediations", remediations.list(null));
        model.addAttribute("now", Instant.now());
        model.addAttribute("failedId", remediationId);
        model.addAttribute("problems", problems);
        model.addAttribute("form", form);
        return "remediation/list";
    }
}
