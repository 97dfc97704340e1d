package dev.takedown.notices.web;

import dev.takedown.correspondence.LetterKind;
import dev.takedown.correspondence.LetterView;
import dev.takedown.evidence.EvidenceFiles;
import dev.takedown.evidence.EvidenceLimits;
import dev.takedown.evidence.EvidenceRefusedException;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.FormProblems;
import dev.takedown.kernel.TextBounds;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.CaseSummary;
import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.CounterNotices;
import dev.takedown.notices.Deadlines;
import dev.takedown.notices.IdempotencyConflictException;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NoticeIncompleteException;
import dev.takedown.notices.NoticeIntake;
import dev.takedown.notices.ProceedingsKind;
import dev.takedown.notices.ProceedingsOutcome;
import dev.takedown.notices.ProfilePolicies;
import dev.takedown.notices.Submitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rights-holder pages: the dashboard of cases by status, the notice wizard (choose the law, then the fields that law
 * asks for, problems shown at their fields), and the case page with its timeline and the answers the case waits for
 * (retract, proof of proceedings; the appeal is the review module's).
 */
@Controller
@RequestMapping("/notices")
class NoticePages {

    private final NoticeIntake intake;
    private final NoticeCases cases;
    private final CounterNotices counterNotices;
    private final ProfilePolicies policies;
    private final MessageSource messages;
    private final EvidenceFiles evidence;
    private final Deadlines deadlines;

    NoticePages(
            NoticeIntake intake,
            NoticeCases cases,
            CounterNotices counterNotices,
            ProfilePolicies policies,
            MessageSource messages,
            EvidenceFiles evidence,
            Deadlines deadlines) {
        this.deadlines = deadlines;
        this.intake = intake;
        this.cases = cases;
        this.counterNotices = counterNotices;
        this.policies = policies;
        this.messages = messages;
        this.evidence = evidence;
    }

    @GetMapping
    String list(
            @RequestParam(name = "status", required = false) String status,
            Authentication authentication,
            Model model) {
        List<CaseSummary> all = cases.list(Caller.of(authentication));
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        all.forEach(c -> counts.merge(c.status(), 1L, Long::sum));
        CaseStatus filter = Arrays.stream(CaseStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElse(null);
        model.addAttribute("counts", counts);
        model.addAttribute("total", all.size());
        model.addAttribute(
                "openCount", all.stream().filter(c -> c.status().isOpen()).count());
        model.addAttribute("filter", filter);
        model.addAttribute(
                "cases",
                filter == null
                        ? all
                        : all.stream().filter(c -> c.status() == filter).toList());
        return "notices/list";
    }

    /**
     * The wizard: the tabs choose the law ({@code ?profile=}, the default profile first), the form shows the fields
     * that law asks for and marks the ones it requires.
     */
    @GetMapping("/new")
    String form(@RequestParam(name = "profile", required = false) String profile, Model model) {
        JurisdictionProfile chosen = enabled(profile);
        if (chosen == null) {
            chosen = enabled(JurisdictionProfile.DEFAULT.name()) != null
                    ? JurisdictionProfile.DEFAULT
                    : enabledProfiles().get(0);
        }
        NoticeForm form = new NoticeForm();
        form.setProfile(chosen.name());
        model.addAttribute("form", form);
        model.addAttribute("formToken", UUID.randomUUID().toString());
        wizard(model, chosen);
        return "notices/new";
    }

    /** The hidden form token is the idempotency key, so a double click files one notice. */
    @PostMapping
    String file(
            @ModelAttribute("form") NoticeForm form,
            @ModelAttribute("formToken") String formToken,
            Authentication authentication,
            Model model) {
        Caller caller = Caller.of(authentication);
        JurisdictionProfile chosen = JurisdictionProfile.byName(form.getProfile());
        try {
            var result = intake.submit(
                    form.toSubmission(),
                    new Submitter(caller.actor(), caller.organisationId(), Submitter.Channel.PORTAL),
                    formToken,
                    true);
            return "redirect:/notices/" + result.caseId() + "?filed";
        } catch (NoticeIncompleteException incomplete) {
            FormProblems.addTo(model, incomplete.problems(), ProfileFields.NOTICE_INPUTS, messages);
        } catch (IdempotencyConflictException changed) {
            FormProblems.general(model, text("notice.resubmitted"));
            model.addAttribute("formToken", UUID.randomUUID().toString());
        }
        model.addAttribute("problems", model.getAttribute("generalProblems"));
        wizard(model, chosen == null ? JurisdictionProfile.DEFAULT : chosen);
        return "notices/new";
    }

    @GetMapping("/{caseId}")
    String show(@PathVariable String caseId, Authentication authentication, Model model) {
        Caller caller = Caller.of(authentication);
        CaseView found = cases.find(caseId, caller)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId));
        model.addAttribute("case", found);
        model.addAttribute("deadlines", deadlines.of(found.caseId()));
        List<LetterView> letters = cases.letters(caseId, caller);
        model.addAttribute("letters", letters);
        // the copy of the counter-notice sent last: the Chinese wait runs from its delivery
        model.addAttribute(
                "counterNoticeCopy",
                letters.stream()
                        .filter(letter -> letter.kind() == LetterKind.COUNTER_NOTICE_COPY)
                        .reduce((first, second) -> second)
                        .orElse(null));
        CaseTimers timers = cases.timers(caseId);
        model.addAttribute("clockFamily", timers.profile().family().name());
        model.addAttribute("counterNoticeReceivedAt", timers.counterNoticeReceivedAt());
        // only the kinds of proceedings that keep the measure under the case's law are offered (US: a court action)
        JurisdictionProfile governing = governing(found);
        model.addAttribute(
                "proofKinds",
                Arrays.stream(ProceedingsKind.values())
                        .filter(k -> k.keepsTheMeasureUnder(governing))
                        .toList());
        model.addAttribute("proceedingsOutcomes", ProceedingsOutcome.values());
        return "notices/case";
    }

    /** Staff record how the proceedings that kept the measure ended. */
    @PostMapping("/{caseId}/proceedings-outcome")
    String proceedingsOutcome(
            @PathVariable String caseId,
            @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "reference", required = false) String reference,
            Authentication authentication,
            RedirectAttributes redirect) {
        Caller caller = Caller.of(authentication);
        if (cases.find(caseId, caller).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<ProceedingsOutcome> parsed = ProceedingsOutcome.parse(outcome);
        if (parsed.isEmpty()) {
            problems.put("outcome", text("case.outcome.outcomeMissing"));
        }
        if (reference == null || reference.isBlank()) {
            problems.put("reference", text("case.outcome.referenceMissing"));
        } else if (reference.length() > 1000) {
            problems.put("reference", text("case.outcome.referenceTooLong"));
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("outcomeProblems", problems);
            redirect.addFlashAttribute("outcomeReference", reference);
            return "redirect:/notices/" + caseId + "#proceedings";
        }
        try {
            counterNotices.recordProceedingsOutcome(caseId, parsed.orElseThrow(), reference.strip(), caller);
            redirect.addFlashAttribute("actionDone", text("case.outcome.recorded"));
        } catch (CaseStateException notNow) {
            redirect.addFlashAttribute("actionError", text("case.outcome.notNow"));
        }
        return "redirect:/notices/" + caseId;
    }

    private static JurisdictionProfile governing(CaseView found) {
        JurisdictionProfile first = found.jurisdictionProfiles().isEmpty()
                ? null
                : JurisdictionProfile.byName(found.jurisdictionProfiles().get(0));
        return first == null ? JurisdictionProfile.DEFAULT : first;
    }

    @PostMapping("/{caseId}/retraction")
    String retract(@PathVariable String caseId, Authentication authentication, RedirectAttributes redirect) {
        try {
            counterNotices.retract(caseId, Caller.of(authentication));
            redirect.addFlashAttribute("actionDone", text("case.retracted"));
        } catch (CaseStateException notNow) {
            redirect.addFlashAttribute("actionError", text("case.notRetractable"));
        } catch (CaseNotFoundException | IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId);
        }
        return "redirect:/notices/" + caseId;
    }

    /** Kind and reference of the proceedings, and optionally the documents themselves (multipart {@code file}). */
    @PostMapping("/{caseId}/legal-action-proof")
    String proof(
            @PathVariable String caseId,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "reference", required = false) String reference,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            Authentication authentication,
            RedirectAttributes redirect) {
        var found = cases.find(caseId, Caller.of(authentication));
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ProceedingsKind> proceedings = ProceedingsKind.parse(kind);
        if (proceedings.isEmpty()) {
            problems.add(new FieldProblem("kind", text("case.proof.kindMissing")));
        } else if (!proceedings.get().keepsTheMeasureUnder(governing(found.get()))) {
            // refused before any document is stored
            problems.add(new FieldProblem("kind", text("case.proof.notUnderThisLaw")));
        }
        if (reference == null || reference.isBlank()) {
            problems.add(new FieldProblem("reference", text("case.proof.referenceMissing")));
        }
        TextBounds.requireWithin("kind", kind, 40, problems);
        TextBounds.requireWithin("reference", reference, 1000, problems);
        // a browser sends an empty, unnamed part when no file was chosen
        List<MultipartFile> chosen = files == null
                ? List.of()
                : files.stream()
                        .filter(f -> f.getSize() > 0
                                || (f.getOriginalFilename() != null
                                        && !f.getOriginalFilename().isEmpty()))
                        .toList();
        if (problems.isEmpty() && !chosen.isEmpty()) {
            if (found.get().status() != CaseStatus.COUNTER_NOTICE_FORWARDED) {
                redirect.addFlashAttribute("actionError", text("case.proof.notNow"));
                return "redirect:/notices/" + caseId;
            }
            try {
                evidence.storeAll(
                        caseId,
                        Caller.of(authentication).actor(),
                        chosen.stream()
                                .map(f -> new EvidenceFiles.Upload(f.getOriginalFilename(), f::getInputStream))
                                .toList());
            } catch (EvidenceRefusedException refused) {
                problems.add(new FieldProblem("file", refusal(refused)));
            }
        }
        if (problems.isEmpty()) {
            try {
                counterNotices.fileLegalActionProof(
                        caseId, proceedings.orElseThrow(), reference.strip(), Caller.of(authentication));
                redirect.addFlashAttribute("actionDone", text("case.proof.filed"));
                return "redirect:/notices/" + caseId;
            } catch (CaseStateException notNow) {
                redirect.addFlashAttribute("actionError", text("case.proof.notNow"));
                return "redirect:/notices/" + caseId;
            } catch (CaseNotFoundException | IllegalArgumentException unknown) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId);
            }
        }
        Map<String, String> byField = new LinkedHashMap<>();
        problems.forEach(p -> byField.putIfAbsent(p.field(), p.message()));
        redirect.addFlashAttribute("proofProblems", byField);
        redirect.addFlashAttribute("proofKind", kind);
        redirect.addFlashAttribute("proofReference", reference);
        return "redirect:/notices/" + caseId + "#proof";
    }

    private String refusal(EvidenceRefusedException refused) {
        EvidenceLimits limits = evidence.limits();
        return messages.getMessage(
                "evidence.refused." + refused.reason(),
                new Object[] {
                    limits.maxFilesPerRequest(),
                    limits.maxFileBytes() / (1024 * 1024),
                    limits.maxFilesPerCase(),
                    refused.getMessage()
                },
                refused.getMessage(),
                LocaleContextHolder.getLocale());
    }

    private void wizard(Model model, JurisdictionProfile profile) {
        model.addAttribute("profile", profile);
        model.addAttribute("profiles", enabledProfiles());
        model.addAttribute("shown", ProfileFields.shown(profile));
        model.addAttribute("required", ProfileFields.required(profile));
    }

    private List<JurisdictionProfile> enabledProfiles() {
        return Arrays.stream(JurisdictionProfile.values())
                .filter(p -> policies.of(p).enabled())
                .toList();
    }

    private JurisdictionProfile enabled(String name) {
        JurisdictionProfile profile = name == null ? null : JurisdictionProfile.byName(name);
        return profile != null && policies.of(profile).enabled() ? profile : null;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
