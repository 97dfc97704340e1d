package dev.takedown.works.web;

import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.FormProblems;
import dev.takedown.screening.Screening;
import dev.takedown.screening.UnreadableImageException;
import dev.takedown.works.InvalidWorkException;
import dev.takedown.works.ProtectedWorks;
import java.io.IOException;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The protected-works registry of the rights holder's organisation: the list and the registration form. */
@Controller
@RequestMapping("/works")
class WorkPages {

    private static final Map<String, String> INPUTS = Map.of(
            "title",
            "title",
            "terms",
            "aliases",
            "combinations",
            "combinations",
            "licensees",
            "licensees",
            "image_hashes",
            "imageHashes",
            "referenceImages",
            "referenceImages");

    private final ProtectedWorks works;
    private final Screening screening;
    private final MessageSource messages;

    WorkPages(ProtectedWorks works, Screening screening, MessageSource messages) {
        this.works = works;
        this.screening = screening;
        this.messages = messages;
    }

    @GetMapping
    String list(Authentication authentication, Model model) {
        model.addAttribute("works", works.list(Caller.of(authentication)));
        return "works/works";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("work", new WorkForm());
        return "works/work-new";
    }

    @PostMapping
    String register(
            @ModelAttribute("work") WorkForm form,
            @RequestParam(name = "referenceImages", required = false) List<MultipartFile> images,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        // reference images are kept as their PDQ hashes only: the registry never serves the pictures
        List<String> hashes = new ArrayList<>();
        for (MultipartFile image : images == null ? List.<MultipartFile>of() : images) {
            if (image.isEmpty()) {
                continue;
            }
            try {
                hashes.add(screening.referenceHash(image.getBytes()).toHex());
            } catch (UnreadableImageException unreadable) {
                FormProblems.addTo(
                        model,
                        List.of(new FieldProblem(
                                "referenceImages",
                                messages.getMessage(
                                        "works.images.unreadable",
                                        new Object[] {image.getOriginalFilename()},
                                        LocaleContextHolder.getLocale()))),
                        INPUTS,
                        messages);
                return "works/work-new";
            }
        }
        if (!hashes.isEmpty()) {
            String typed =
                    form.getImageHashes() == null ? "" : form.getImageHashes().strip();
            form.setImageHashes((typed.isEmpty() ? "" : typed + "\n") + String.join("\n", hashes));
        }
        List<Integer> unreadable = form.unreadableCombinations();
        if (!unreadable.isEmpty()) {
            FormProblems.addTo(
                    model,
                    List.of(new FieldProblem(
                            "combinations",
                            messages.getMessage(
                                    "works.combinations.unreadable",
                                    new Object[] {unreadable},
                                    LocaleContextHolder.getLocale()))),
                    INPUTS,
                    messages);
            return "works/work-new";
        }
        try {
            var work = works.register(form.toDefinition(), Caller.of(authentication));
            redirect.addFlashAttribute("registered", work.definition().title());
            return "redirect:/works";
        } catch (InvalidWorkException invalid) {
            FormProblems.addTo(model, invalid.problems(), INPUTS, messages);
            return "works/work-new";
        }
    }
}
