package dev.takedown.remediation.web;

import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.remediation.RemediationChange;
import dev.takedown.remediation.RemediationConflictException;
import dev.takedown.remediation.RemediationNotFoundException;
import dev.takedown.remediation.RemediationStatus;
import dev.takedown.remediation.RemediationView;
import dev.takedown.remediation.Remediations;
import dev.takedown.remediation.TermsTooBroadException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The remediations page: the owner's open remediations, each with the last failure and a form to record a change;
 * the widenings waiting for a moderator, with the terms and a form to approve or refuse; staff read everything.
 */
@Controller
class RemediationPages {

    private static final Set<String> MODERATORS = Set.of("MODERATOR", "SENIOR_MODERATOR");

    private final Remediations remediations;
    private final Clock clock;

    RemediationPages(Remediations remediations, Clock clock) {
        this.remediations = remediations;
        this.clock = clock;
    }

    @GetMapping("/remediations")
    String list(Authentication user, Model model) {
        return page(Caller.of(user), model);
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
        Caller caller = Caller.of(user);
        ChangeForm form = ChangeForm.fromPage(filterVersion, modelVersion, description, addedTerms);
        List<FieldProblem> problems = form.problems();
        try {
            remediations.find(remediationId, caller);
            if (problems.isEmpty()) {
                remediations.recordChange(
                        remediationId,
                        form.filterVersionOrNull(),
                        form.modelVersionOrNull(),
                        form.description().strip(),
                        form.termsStripped(),
                        caller);
                redirect.addFlashAttribute("recorded", remediationId);
                return "redirect:/remediations";
            }
        } catch (RemediationNotFoundException | RemediationConflictException notOpen) {
            problems = List.of(new FieldProblem("remediation", notOpen.getMessage()));
        } catch (TermsTooBroadException tooBroad) {
            problems = tooBroad.terms().stream()
                    .map(t -> new FieldProblem(t.field(), t.message()))
                    .toList();
        }
        model.addAttribute("failedId", remediationId);
        model.addAttribute("problems", fields(problems));
        model.addAttribute("form", form);
        return page(caller, model);
    }

    @PostMapping("/remediations/{remediationId}/widening")
    String decideWidening(
            @PathVariable String remediationId,
            @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "reason", required = false) String reason,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = Caller.of(user);
        WideningForm form = new WideningForm(outcome, reason);
        List<FieldProblem> problems = form.problems();
        try {
            remediations.find(remediationId, caller);
            if (problems.isEmpty()) {
                remediations.decideWidening(remediationId, form.approve(), form.reasonOrNull(), caller);
                redirect.addFlashAttribute("decided", remediationId);
                return "redirect:/remediations";
            }
        } catch (RemediationNotFoundException | RemediationConflictException notPending) {
            problems = List.of(new FieldProblem("remediation", notPending.getMessage()));
        }
        model.addAttribute("failedId", remediationId);
        model.addAttribute("problems", fields(problems));
        return page(caller, model);
    }

    private String page(Caller caller, Model model) {
        List<RemediationView> open = remediations.list(null, caller);
        Map<String, RemediationChange> pending = new LinkedHashMap<>();
        for (RemediationView remediation : open) {
            if (remediation.status() == RemediationStatus.AWAITING_APPROVAL) {
                List<RemediationChange> changes = remediations
                        .details(remediation.remediationId(), caller)
                        .changes();
                pending.put(remediation.remediationId(), changes.get(changes.size() - 1));
            }
        }
        model.addAttribute("remediations", open);
        model.addAttribute("pending", pending);
        model.addAttribute("owner", "PLATFORM_SERVICE".equals(caller.role()));
        model.addAttribute("moderator", MODERATORS.contains(caller.role()));
        model.addAttribute("now", clock.instant());
        return "remediation/list";
    }

    /** The template reads each problem's field and message by name. */
    private static List<Map<String, String>> fields(List<FieldProblem> problems) {
        return problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList();
    }
}
