package dev.takedown.notices.web;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.FormProblems;
import dev.takedown.notices.IdempotencyConflictException;
import dev.takedown.notices.IntakeResult;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeIncompleteException;
import dev.takedown.notices.NoticeIntake;
import dev.takedown.notices.NoticeSubmission;
import dev.takedown.notices.ProfilePolicies;
import dev.takedown.notices.ResponseTimes;
import dev.takedown.notices.Submitter;
import dev.takedown.notifiers.PublicNotifiers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public complaint channel (the Ultraman court faulted a platform for having none): how notices are handled,
 * the published response times (the current {@link ResponseTimes} version and since when it applies), the risk of
 * misuse, and an EU_DSA notice form for anyone, without an account. Only complete notices are taken, since an
 * anonymous notifier cannot come back to cure one. A notice waits until its notifier confirms the e-mail address
 * through the link sent there (a page with a button, so that a mail scanner opening links confirms nothing); that
 * address, not the channel, is who the notifier is for its standing (DSA Art. 23).
 */
@Controller
@RequestMapping("/complaints")
class ComplaintPages {

    private static final Set<String> SHOWN = Set.of(
            "notifierName",
            "notifierEmail",
            "workTitle",
            "targetUrls",
            "evidenceUrl",
            "explanation",
            "bonaFideAccurateComplete");
    private static final Set<String> REQUIRED =
            Set.of("notifierName", "notifierEmail", "targetUrls", "explanation", "bonaFideAccurateComplete");

    private final NoticeIntake intake;
    private final ProfilePolicies policies;
    private final MessageSource messages;
    private final ResponseTimes responseTimes;
    private final PublicNotifiers publicNotifiers;

    /**
     * One legal regime's row of the published times.
     *
     * @param counterNoticeDays          days (CN) or business days (US) after a counter-notice; null without one
     * @param counterNoticeRestoreByDays US: the business day by which content is restored; null elsewhere
     * @param appealWindowMonths         calendar months to complain after a decision was notified
     */
    record ProfileTimes(
            String profile, Long counterNoticeDays, Long counterNoticeRestoreByDays, long appealWindowMonths) {}

    ComplaintPages(
            NoticeIntake intake,
            ProfilePolicies policies,
            MessageSource messages,
            ResponseTimes responseTimes,
            PublicNotifiers publicNotifiers) {
        this.publicNotifiers = publicNotifiers;
        this.intake = intake;
        this.policies = policies;
        this.messages = messages;
        this.responseTimes = responseTimes;
    }

    @GetMapping
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ComplaintForm());
        }
        return render(model, UUID.randomUUID().toString());
    }

    @PostMapping
    String file(
            @ModelAttribute("form") ComplaintForm form,
            @ModelAttribute("formToken") String formToken,
            Model model,
            RedirectAttributes redirect) {
        NoticeSubmission submission = form.toSubmission();
        List<FieldProblem> problems = policies.problems(submission);
        if (!problems.isEmpty()) {
            FormProblems.addTo(model, problems, ProfileFields.NOTICE_INPUTS, messages);
            return render(model, formToken);
        }
        try {
            var result = intake.submit(submission, Submitter.anonymous(), "public-" + formToken, true);
            redirect.addFlashAttribute("filedCase", result.caseId());
            return "redirect:/complaints/received";
        } catch (NoticeIncompleteException incomplete) {
            FormProblems.addTo(model, incomplete.problems(), ProfileFields.NOTICE_INPUTS, messages);
        } catch (IdempotencyConflictException changed) {
            FormProblems.general(
                    model,
                    messages.getMessage(
                            "notice.resubmitted",
                            null,
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            formToken = UUID.randomUUID().toString();
        }
        return render(model, formToken);
    }

    /** After filing: the reference and what happens next (a redirect, so a reload files nothing twice). */
    @GetMapping("/received")
    String received(Model model) {
        if (!model.containsAttribute("filedCase")) {
            return "redirect:/complaints";
        }
        times(model);
        model.addAttribute(
                "confirmDays",
                Math.max(1, publicNotifiers.confirmationValidity().toDays()));
        return "notices/complaint-received";
    }

    /** The link from the confirmation message: a page with a button, so that opening the link confirms nothing. */
    @GetMapping("/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "notices/complaint-confirm";
    }

    /** Confirms the address; the notice is then processed as from it. A forged or expired link says so, as a page. */
    @PostMapping("/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<IntakeResult> confirmed = intake.confirm(token);
        if (confirmed.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("invalid", true);
            model.addAttribute("token", token);
            return "notices/complaint-confirm";
        }
        times(model);
        model.addAttribute("confirmed", confirmed.get());
        return "notices/complaint-confirmed";
    }

    private String render(Model model, String formToken) {
        model.addAttribute("formToken", formToken);
        model.addAttribute("shown", SHOWN);
        model.addAttribute("required", REQUIRED);
        model.addAttribute("enabled", policies.of(JurisdictionProfile.EU_DSA).enabled());
        model.addAttribute("dmcaAgent", policies.dmcaAgent().orElse(null));
        times(model);
        return "notices/complaints";
    }

    /** The times as published: the current version, which start-up made from the configuration. */
    private void times(Model model) {
        ResponseTimes.Version published =
                responseTimes.current().orElseGet(() -> responseTimes.publish(responseTimes.configured()));
        Map<String, String> times = published.times();
        model.addAttribute("timesVersion", published.version());
        model.addAttribute("timesSince", published.appliesFrom());
        model.addAttribute(
                "standardHours", Duration.parse(times.get("review.standard")).toHours());
        model.addAttribute(
                "priorityHours", Duration.parse(times.get("review.priority")).toHours());
        model.addAttribute(
                "appealDays", Duration.parse(times.get("complaint.decision")).toDays());
        model.addAttribute(
                "appealWindowMonths",
                policies.of(JurisdictionProfile.EU_DSA).appealWindow().toTotalMonths());
        List<ProfileTimes> profiles = new ArrayList<>();
        for (JurisdictionProfile profile : JurisdictionProfile.values()) {
            String window = times.get(profile.name() + ".appeal-window");
            if (window != null) {
                String wait = times.get(profile.name() + ".counter-notice-wait");
                String restoreBy = times.get(profile.name() + ".counter-notice-restore-by");
                profiles.add(new ProfileTimes(
                        profile.name(),
                        wait == null ? null : Duration.parse(wait).toDays(),
                        restoreBy == null ? null : Duration.parse(restoreBy).toDays(),
                        Period.parse(window).toTotalMonths()));
            }
        }
        model.addAttribute("profileTimes", profiles);
    }
}
