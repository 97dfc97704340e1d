package dev.takedown.review.web;

import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.NotifierLinks;
import dev.takedown.notices.UploaderCases;
import dev.takedown.notices.UploaderLinkPurpose;
import dev.takedown.review.AppealRequest;
import dev.takedown.review.Appeals;
import dev.takedown.review.InvalidDecisionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Internal complaints (DSA Art. 20) from the pages: the uploader through the signed link, the notifier from its case
 * page. Both go back to the page they came from, with the outcome or the problems at their fields.
 */
@Controller
class AppealPages {

    private final Appeals appeals;
    private final UploaderCases uploaderCases;
    private final NotifierLinks notifierLinks;
    private final MessageSource messages;

    AppealPages(Appeals appeals, UploaderCases uploaderCases, NotifierLinks notifierLinks, MessageSource messages) {
        this.appeals = appeals;
        this.uploaderCases = uploaderCases;
        this.notifierLinks = notifierLinks;
        this.messages = messages;
    }

    @PostMapping("/u/{token}/appeal")
    String byUploader(
            @PathVariable String token,
            @RequestParam(name = "grounds", required = false) String grounds,
            @RequestParam(name = "explanation", required = false) String explanation,
            @RequestParam(name = "decision_id", required = false) String decisionId,
            RedirectAttributes redirect) {
        Optional<String> caseId = uploaderCases.caseFor(token, UploaderLinkPurpose.APPEAL);
        if (caseId.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no case behind this link");
        }
        file(
                () -> appeals.fileAsUploader(
                        caseId.get(),
                        new AppealRequest(blankToNull(grounds), explanation, blankToNull(decisionId)),
                        UploaderCases.actorFor(caseId.get())),
                grounds,
                explanation,
                redirect);
        return "redirect:/u/" + token + "#appeal";
    }

    /** A logged-out notifier's complaint, through the signed link of its letters. */
    @PostMapping("/n/{token}/appeal")
    String byLoggedOutNotifier(
            @PathVariable String token,
            @RequestParam(name = "grounds", required = false) String grounds,
            @RequestParam(name = "explanation", required = false) String explanation,
            @RequestParam(name = "decision_id", required = false) String decisionId,
            RedirectAttributes redirect) {
        String caseId = notifierLinks
                .caseOf(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case behind this link"));
        file(
                () -> appeals.fileThroughNotifierLink(
                        caseId, new AppealRequest(blankToNull(grounds), explanation, blankToNull(decisionId))),
                grounds,
                explanation,
                redirect);
        return "redirect:/n/" + token
                + (decisionId == null || decisionId.isBlank()
                        ? ""
                        : "?decision="
                                + java.net.URLEncoder.encode(decisionId, java.nio.charset.StandardCharsets.UTF_8))
                + "#appeal";
    }

    @PostMapping("/notices/{caseId}/appeal")
    String byNotifier(
            @PathVariable String caseId,
            @RequestParam(name = "grounds", required = false) String grounds,
            @RequestParam(name = "explanation", required = false) String explanation,
            @RequestParam(name = "decision_id", required = false) String decisionId,
            Authentication authentication,
            RedirectAttributes redirect) {
        try {
            file(
                    () -> appeals.fileAsNotifier(
                            caseId,
                            new AppealRequest(blankToNull(grounds), explanation, blankToNull(decisionId)),
                            Caller.of(authentication)),
                    grounds,
                    explanation,
                    redirect);
        } catch (CaseNotFoundException | IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId);
        }
        return "redirect:/notices/" + caseId + "#appeal";
    }

    private void file(Runnable filing, String grounds, String explanation, RedirectAttributes redirect) {
        try {
            filing.run();
            redirect.addFlashAttribute("appealDone", text("appeal.filed", "Your complaint was received."));
        } catch (InvalidDecisionException invalid) {
            Map<String, String> byField = new LinkedHashMap<>();
            for (FieldProblem p : invalid.problems()) {
                byField.putIfAbsent(
                        p.field(),
                        messages.getMessage(
                                "problem.appeal." + p.field(), null, p.message(), LocaleContextHolder.getLocale()));
            }
            redirect.addFlashAttribute("appealProblems", byField);
            redirect.addFlashAttribute("appealGrounds", grounds);
            redirect.addFlashAttribute("appealExplanation", explanation);
        } catch (CaseStateException notNow) {
            redirect.addFlashAttribute("appealError", text("appeal.notNow", notNow.getMessage()));
        }
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
