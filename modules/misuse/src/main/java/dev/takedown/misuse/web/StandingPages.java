package dev.takedown.misuse.web;

import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.misuse.InvalidLiftException;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.NotSuspendedException;
import dev.takedown.misuse.StandingChangeNotFoundException;
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

/** The compliance officer's page of parties warned, suspended or terminated, with the early lift of a suspension. */
@Controller
class StandingPages {

    private final Misuse misuse;

    StandingPages(Misuse misuse) {
        this.misuse = misuse;
    }

    @GetMapping("/standings")
    String list(Model model) {
        model.addAttribute("standings", misuse.standings(null));
        return "misuse/standings";
    }

    @PostMapping("/standings/suspensions/{changeId}/lift")
    String lift(
            @PathVariable String changeId,
            @RequestParam(name = "reason", required = false) String reason,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        List<FieldProblem> problems;
        try {
            misuse.lift(changeId, reason, Caller.of(user).actor());
            redirect.addFlashAttribute("lifted", changeId);
            return "redirect:/standings";
        } catch (InvalidLiftException invalid) {
            problems = invalid.problems();
        } catch (StandingChangeNotFoundException | NotSuspendedException notInForce) {
            problems = List.of(new FieldProblem("suspension", notInForce.getMessage()));
        }
        model.addAttribute("failedId", changeId);
        model.addAttribute(
                "problems",
                problems.stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        model.addAttribute("reason", reason);
        return list(model);
    }
}
