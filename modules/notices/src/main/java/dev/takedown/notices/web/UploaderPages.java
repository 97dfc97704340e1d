package dev.takedown.notices.web;

import dev.takedown.kernel.FormProblems;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CounterNoticeInvalidException;
import dev.takedown.notices.CounterNotices;
import dev.takedown.notices.DeadlineKind;
import dev.takedown.notices.Deadlines;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.Party;
import dev.takedown.notices.UploaderCases;
import dev.takedown.notices.UploaderLinkPurpose;
import dev.takedown.notices.UploaderLinkRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the uploader reaches through the signed link in the forwarded notice, without an account: the notice and the
 * statement of reasons, the counter-notice of the case's law (none under the DSA) and the internal complaint (posted
 * to the review module). The token is the credential; a bad or expired one is a plain 404 page. The complaint form
 * posts to {@code /u/{token}/appeal}, answered by the review module.
 */
@Controller
@RequestMapping("/u/{token}")
class UploaderPages {

    static final Map<String, String> COUNTER_INPUTS = Map.ofEntries(
            Map.entry("user.legal_name", "legalName"),
            Map.entry("user.identity_document", "identityNumber"),
            Map.entry("user.identity_document.type", "identityType"),
            Map.entry("user.identity_document.number", "identityNumber"),
            Map.entry("user.address", "address"),
            Map.entry("user.phone", "phone"),
            Map.entry("user.email", "email"),
            Map.entry("material.identification", "materialIdentification"),
            Map.entry("material.prior_location", "priorLocation"),
            Map.entry("non_infringement_evidence", "evidenceDescription"),
            Map.entry("attestations.truthfulness_responsibility", "truthfulnessResponsibility"),
            Map.entry("statement.mistake_or_misidentification_perjury", "mistakeStatement"),
            Map.entry("consent_to_jurisdiction", "consentToJurisdiction"),
            Map.entry("accept_service_of_process", "acceptServiceOfProcess"),
            Map.entry("signature", "signature"));

    private static final Set<String> CN_SHOWN = Set.of(
            "legalName",
            "identityType",
            "identityNumber",
            "phone",
            "email",
            "address",
            "materialIdentification",
            "priorLocation",
            "evidenceDescription",
            "evidenceUrl",
            "truthfulnessResponsibility");
    private static final Set<String> CN_REQUIRED = Set.of(
            "legalName",
            "identityType",
            "identityNumber",
            "phone",
            "priorLocation",
            "evidenceDescription",
            "truthfulnessResponsibility");
    private static final Set<String> US_SHOWN = Set.of(
            "legalName",
            "address",
            "phone",
            "email",
            "materialIdentification",
            "priorLocation",
            "evidenceDescription",
            "mistakeStatement",
            "consentToJurisdiction",
            "acceptServiceOfProcess",
            "signature");
    private static final Set<String> US_REQUIRED = Set.of(
            "legalName",
            "address",
            "phone",
            "materialIdentification",
            "priorLocation",
            "mistakeStatement",
            "consentToJurisdiction",
            "acceptServiceOfProcess",
            "signature");

    /** The restore dates concern the uploader's content, whoever may act before them. */
    private static final Set<DeadlineKind> UPLOADER_SEES =
            Set.of(DeadlineKind.COUNTER_NOTICE_PROOF, DeadlineKind.RESTORE_WINDOW_OPENS, DeadlineKind.RESTORE_DEADLINE);

    private final UploaderCases uploaderCases;
    private final CounterNotices counterNotices;
    private final MessageSource messages;
    private final Deadlines deadlines;

    UploaderPages(
            UploaderCases uploaderCases, CounterNotices counterNotices, MessageSource messages, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.uploaderCases = uploaderCases;
        this.counterNotices = counterNotices;
        this.messages = messages;
    }

    @GetMapping
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<UploaderCases.ForwardedNotice> notice;
        try {
            notice = uploaderCases.forwarded(token);
        } catch (UploaderLinkRefusedException refused) {
            return refused(refused, model, response);
        }
        if (notice.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "notices/uploader-gone";
        }
        if (!model.containsAttribute("counter")) {
            CounterNoticeForm form = new CounterNoticeForm();
            notice.get().targetUrls().stream().findFirst().ifPresent(form::setPriorLocation);
            model.addAttribute("counter", form);
        }
        return render(model, token, notice.get());
    }

    @PostMapping("/counter-notice")
    String counterNotice(
            @PathVariable String token,
            @ModelAttribute("counter") CounterNoticeForm form,
            Model model,
            HttpServletResponse response) {
        Optional<UploaderCases.ForwardedNotice> notice;
        try {
            uploaderCases.caseFor(token, UploaderLinkPurpose.COUNTER_NOTICE);
            notice = uploaderCases.forwarded(token);
        } catch (UploaderLinkRefusedException refused) {
            return refused(refused, model, response);
        }
        if (notice.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "notices/uploader-gone";
        }
        String caseId = notice.get().caseId();
        try {
            counterNotices.file(caseId, form.toSubmission(), UploaderCases.actorFor(caseId));
            return "redirect:/u/" + token + "?counterFiled";
        } catch (CounterNoticeInvalidException invalid) {
            FormProblems.addTo(model, invalid.problems(), COUNTER_INPUTS, messages);
        } catch (CaseStateException notNow) {
            FormProblems.general(
                    model, messages.getMessage("uploader.counter.notNow", null, LocaleContextHolder.getLocale()));
        }
        return render(model, token, notice.get());
    }

    /** A genuine link that no longer (or never) opens this: a page that says which, never an error page. */
    static String refused(UploaderLinkRefusedException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.getStatusCode().value());
        model.addAttribute("refusal", "uploader.refused." + refused.reason().name());
        return "notices/uploader-gone";
    }

    private String render(Model model, String token, UploaderCases.ForwardedNotice notice) {
        JurisdictionProfile.Family family = JurisdictionProfile.Family.valueOf(notice.family());
        model.addAttribute("notice", notice);
        model.addAttribute("token", token);
        model.addAttribute("family", family.name());
        model.addAttribute("answerable", notice.status().name().equals("NOTIFIED"));
        // the uploader's own windows and its content's restore dates; nothing the rights holder alone may act on
        model.addAttribute(
                "deadlines",
                deadlines.of(notice.caseId()).stream()
                        .filter(d -> d.party() == Party.UPLOADER || UPLOADER_SEES.contains(d.name()))
                        .toList());
        model.addAttribute("shown", family == JurisdictionProfile.Family.US ? US_SHOWN : CN_SHOWN);
        model.addAttribute("required", family == JurisdictionProfile.Family.US ? US_REQUIRED : CN_REQUIRED);
        return "notices/uploader";
    }
}
