package dev.takedown.notices.web;

import dev.takedown.kernel.Caller;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.Deadlines;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NotifierLinks;
import dev.takedown.notices.Party;
import dev.takedown.notices.Submitter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case as a logged-out notifier reaches it, through the signed link in its letters: the status, the outcome, the
 * history, the deadlines it may act on, and the complaint form (DSA Art. 20), which posts to
 * {@code /n/{token}/appeal}, answered by the review module. A suspension letter's link names the suspension, so the
 * complaint is against it.
 */
@Controller
@RequestMapping("/n/{token}")
class NotifierPages {

    private final NotifierLinks links;
    private final NoticeCases cases;
    private final Deadlines deadlines;

    NotifierPages(NotifierLinks links, NoticeCases cases, Deadlines deadlines) {
        this.links = links;
        this.cases = cases;
        this.deadlines = deadlines;
    }

    @GetMapping
    String show(
            @PathVariable String token,
            @RequestParam(name = "decision", required = false) String decision,
            Model model,
            HttpServletResponse response) {
        Optional<CaseView> found = links.caseOf(token)
                .flatMap(caseId -> cases.find(
                        caseId,
                        new Caller(NotifierLinks.actorFor(caseId), Submitter.PUBLIC_ORGANISATION, "RIGHTS_HOLDER")));
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "notices/uploader-gone";
        }
        CaseView view = found.get();
        model.addAttribute("case", view);
        model.addAttribute("token", token);
        model.addAttribute("decision", decision != null && decision.length() <= 64 ? decision : null);
        model.addAttribute(
                "deadlines",
                deadlines.of(view.caseId()).stream()
                        .filter(d -> d.party() == Party.NOTIFIER)
                        .toList());
        return "notices/notifier";
    }
}
