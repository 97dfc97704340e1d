package dev.takedown.notifiers.web;

import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notifiers.AuthorityDetails;
import dev.takedown.notifiers.AuthorityKind;
import dev.takedown.notifiers.ExpertiseArea;
import dev.takedown.notifiers.InvalidRegistryEntryException;
import dev.takedown.notifiers.Registries;
import dev.takedown.notifiers.RegistryConflictException;
import dev.takedown.notifiers.RegistryEntryNotFoundException;
import dev.takedown.notifiers.TrustedFlaggerDetails;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registries page for compliance officers: both registries, a form to add to each, revocation with reasons. */
@Controller
class RegistryPages {

    private final Registries registries;

    RegistryPages(Registries registries) {
        this.registries = registries;
    }

    @GetMapping("/registries")
    String page(Model model) {
        model.addAttribute("flaggers", registries.trustedFlaggers());
        model.addAttribute("authorities", registries.authorities());
        model.addAttribute("areas", ExpertiseArea.values());
        model.addAttribute("kinds", AuthorityKind.values());
        return "notifiers/registries";
    }

    @PostMapping("/registries/trusted-flaggers")
    String register(
            @RequestParam(name = "entity", required = false) String entity,
            @RequestParam(name = "coordinator", required = false) String coordinator,
            @RequestParam(name = "coordinator_country", required = false) String country,
            @RequestParam(name = "areas", required = false) List<String> areas,
            @RequestParam(name = "valid_from", required = false) String validFrom,
            @RequestParam(name = "valid_until", required = false) String validUntil,
            @RequestParam(name = "credentials", required = false) String credentials,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        return act(
                "flagger",
                () -> registries
                        .register(
                                new TrustedFlaggerDetails(
                                        entity,
                                        coordinator,
                                        country,
                                        areas == null ? List.of() : areas,
                                        validFrom,
                                        validUntil,
                                        items(credentials)),
                                Caller.of(user).actor())
                        .id(),
                model,
                redirect);
    }

    @PostMapping("/registries/trusted-flaggers/{id}/revocation")
    String revokeFlagger(
            @PathVariable String id,
            @RequestParam(name = "reason", required = false) String reason,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                () -> registries
                        .revokeTrustedFlagger(id, reason, Caller.of(user).actor())
                        .id(),
                model,
                redirect);
    }

    @PostMapping("/registries/authorities")
    String registerAuthority(
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "country", required = false) String country,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "contact", required = false) String contact,
            @RequestParam(name = "legal_bases", required = false) String legalBases,
            @RequestParam(name = "credentials", required = false) String credentials,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        return act(
                "authority",
                () -> registries
                        .register(
                                new AuthorityDetails(
                                        name, country, kind, contact, lines(legalBases), items(credentials)),
                                Caller.of(user).actor())
                        .id(),
                model,
                redirect);
    }

    @PostMapping("/registries/authorities/{id}/revocation")
    String revokeAuthority(
            @PathVariable String id,
            @RequestParam(name = "reason", required = false) String reason,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                () -> registries
                        .revokeAuthority(id, reason, Caller.of(user).actor())
                        .id(),
                model,
                redirect);
    }

    /** Runs the change; on a refusal the page again, with the problems beside the form that failed. */
    private String act(String form, Supplier<String> change, Model model, RedirectAttributes redirect) {
        List<FieldProblem> problems;
        try {
            redirect.addFlashAttribute("changed", change.get());
            return "redirect:/registries";
        } catch (InvalidRegistryEntryException invalid) {
            problems = invalid.problems();
        } catch (RegistryConflictException conflict) {
            problems = conflict.problems();
        } catch (RegistryEntryNotFoundException unknown) {
            problems = List.of(new FieldProblem("id", unknown.getMessage()));
        }
        model.addAttribute("failed", form);
        model.addAttribute(
                "problems",
                problems.stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return page(model);
    }

    /** One legal basis per line: a provision's citation may hold commas. */
    private static List<String> lines(String text) {
        return split(text, "[\\r\\n]+");
    }

    /** Credentials, one per line or comma. */
    private static List<String> items(String text) {
        return split(text, "[\\r\\n,]+");
    }

    private static List<String> split(String text, String separators) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split(separators))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
