package dev.takedown.notices.web;

import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NoticeIncompleteException;
import dev.takedown.notices.NoticeIntake;
import dev.takedown.notices.Reader;
import dev.takedown.notices.Submitter;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** Rights-holder pages: My notices, File a notice, and the case page. */
@Controller
@RequestMapping("/notices")
class NoticePages {

    private final NoticeIntake intake;
    private final NoticeCases cases;

    NoticePages(NoticeIntake intake, NoticeCases cases) {
        this.intake = intake;
        this.cases = cases;
    }

    @GetMapping
    String list(Authentication authentication, Model model) {
        model.addAttribute("cases", cases.list(Reader.of(authentication)));
        return "notices/list";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("form", new NoticeForm());
        model.addAttribute("profiles", JurisdictionProfile.values());
        model.addAttribute("formToken", UUID.randomUUID().toString());
        return "notices/new";
    }

    /** The hidden form token is the idempotency key, so a double click files one notice. */
    @PostMapping
    String file(@ModelAttribute("form") NoticeForm form, @ModelAttribute("formToken") String formToken,
            Authentication authentication, Model model) {
        Reader reader = Reader.of(authentication);
        try {
            var result = intake.submit(form.toSubmission(),
                    new Submitter(reader.actor(), reader.organisationId(), Submitter.Channel.PORTAL), formToken, true);
            return "redirect:/notices/" + result.caseId() + "?filed";
        } catch (NoticeIncompleteException incomplete) {
            model.addAttribute("problems", incomplete.problems());
            model.addAttribute("profiles", JurisdictionProfile.values());
            return "notices/new";
        }
    }

    @GetMapping("/{caseId}")
    String show(@PathVariable String caseId, Authentication authentication, Model model) {
        model.addAttribute("case", cases.find(caseId, Reader.of(authentication))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId)));
        return "notices/case";
    }
}
