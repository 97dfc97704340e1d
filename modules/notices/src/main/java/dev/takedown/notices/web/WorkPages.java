package dev.takedown.notices.web;

import dev.takedown.notices.FieldProblem;
import dev.takedown.notices.InvalidWorkException;
import dev.takedown.notices.ProtectedWorks;
import dev.takedown.notices.Reader;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The protected-works registry of the rights holder's organisation: the list and the registration form. */
@Controller
@RequestMapping("/works")
class WorkPages {

    private static final Map<String, String> INPUTS = Map.of("title", "title", "terms", "aliases",
            "combinations", "combinations", "licensees", "licensees", "image_hashes", "imageHashes");

    private final ProtectedWorks works;
    private final MessageSource messages;

    WorkPages(ProtectedWorks works, MessageSource messages) {
        this.works = works;
        this.messages = messages;
    }

    @GetMapping
    String list(Authentication authentication, Model model) {
        model.addAttribute("works", works.list(Reader.of(authentication)));
        return "notices/works";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("work", new WorkForm());
        return "notices/work-new";
    }

    @PostMapping
    String register(@ModelAttribute("work") WorkForm form, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        List<Integer> unreadable = form.unreadableCombinations();
        if (!unreadable.isEmpty()) {
            FormProblems.addTo(model, List.of(new FieldProblem("combinations", messages.getMessage(
                    "works.combinations.unreadable", new Object[] {unreadable}, LocaleContextHolder.getLocale()))),
                    INPUTS, messages);
            return "notices/work-new";
        }
        try {
            var work = works.register(form.toDefinition(), Reader.of(authentication));
            redirect.addFlashAttribute("registered", work.definition().title());
            return "redirect:/works";
        } catch (InvalidWorkException invalid) {
            FormProblems.addTo(model, invalid.problems(), INPUTS, messages);
            return "notices/work-new";
        }
    }
}
