package dev.takedown.review.web;

import dev.takedown.aigc.LabelEvidence;
import dev.takedown.aigc.RiskWarnings;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.measures.MeasureType;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.Deadlines;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.TargetType;
import dev.takedown.notices.TriageFacts;
import dev.takedown.review.AuthorityNotification;
import dev.takedown.review.DecisionRequest;
import dev.takedown.review.InvalidDecisionException;
import dev.takedown.review.MeasureChoice;
import dev.takedown.review.Moderator;
import dev.takedown.review.Review;
import dev.takedown.workflow.ReviewTask;
import dev.takedown.workflow.TaskClaimConflictException;
import dev.takedown.workflow.TaskNotFoundException;
import dev.takedown.workflow.TaskQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderator console: queues with counts, filters (profile, priority, due, target type) and sort, claim next,
 * the review screen (notice, evidence and target side by side, earlier cases on the same target), decisions with
 * reason templates, and bulk decisions on claimed tasks. Keyboard shortcuts are {@code /js/takedown.js}.
 */
@Controller
@RequestMapping("/tasks")
class TaskPages {

    private static final List<MeasureType> COMMON_MEASURES = List.of(
            MeasureType.DELETE,
            MeasureType.DISABLE_ACCESS,
            MeasureType.GEO_BLOCK,
            MeasureType.PROMPT_FILTER,
            MeasureType.OUTPUT_SIMILARITY_FILTER,
            MeasureType.STOP_GENERATION,
            MeasureType.LABEL);

    /** Reason templates: {@code reason.<key>.label} names one, {@code reason.<key>.text} is what the parties read. */
    static final List<String> REASONS =
            List.of("copy", "character", "licensed", "insufficient", "notIdentified", "parody");

    private static final Map<String, Duration> DUE =
            Map.of("overdue", Duration.ZERO, "2h", Duration.ofHours(2), "24h", Duration.ofHours(24));

    private final Review review;
    private final NoticeCases cases;
    private final MessageSource messages;
    private final LabelEvidence labels;
    private final RiskWarnings riskWarnings;
    private final Deadlines deadlines;

    TaskPages(
            Review review,
            NoticeCases cases,
            MessageSource messages,
            LabelEvidence labels,
            RiskWarnings riskWarnings,
            Deadlines deadlines) {
        this.deadlines = deadlines;
        this.review = review;
        this.cases = cases;
        this.messages = messages;
        this.labels = labels;
        this.riskWarnings = riskWarnings;
    }

    /** The console's filters, bound from the query string (and from the claim-next form's hidden fields). */
    public record Filters(String profile, Integer priority, String due, String target, String sort) {

        public Filters {
            profile = blankToNull(profile);
            due = due != null && DUE.containsKey(due) ? due : null;
            target = blankToNull(target);
            sort = "due".equals(sort) ? "due" : "priority";
        }

        public boolean any() {
            return profile != null || priority != null || due != null || target != null;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** A task with what triage knew about its case, for the filters and the list. */
    public record Row(ReviewTask task, String profile, TargetType targetType) {}

    @ModelAttribute("filters")
    Filters filters(
            @RequestParam(name = "profile", required = false) String profile,
            @RequestParam(name = "priority", required = false) String priority,
            @RequestParam(name = "due", required = false) String due,
            @RequestParam(name = "target", required = false) String target,
            @RequestParam(name = "sort", required = false) String sort) {
        Integer minPriority = null;
        try {
            minPriority = priority == null || priority.isBlank()
                    ? null
                    : Math.max(0, Math.min(100, Integer.parseInt(priority.strip())));
        } catch (NumberFormatException notANumber) {
            // an unreadable filter filters nothing
        }
        return new Filters(profile, minPriority, due, target, sort);
    }

    @GetMapping
    String list(@ModelAttribute("filters") Filters filters, Authentication authentication, Model model) {
        Moderator moderator = Moderator.of(authentication);
        List<Row> everything = rows(moderator, new Filters(null, null, null, null, filters.sort()));
        List<Row> shown = everything.stream().filter(r -> matches(r, filters)).toList();
        model.addAttribute("rows", shown);
        model.addAttribute(
                "queues", counts(moderator, everything.stream().map(Row::task).toList()));
        model.addAttribute("total", everything.size());
        model.addAttribute(
                "mine",
                everything.stream()
                        .filter(r -> moderator.id().equals(r.task().assignee()))
                        .count());
        model.addAttribute("profiles", JurisdictionProfile.values());
        model.addAttribute(
                "targetTypes",
                Arrays.stream(TargetType.values())
                        .sorted(Comparator.comparing(TargetType::name))
                        .toList());
        model.addAttribute("measures", COMMON_MEASURES);
        model.addAttribute("reasons", REASONS);
        model.addAttribute("sort", filters.sort());
        model.addAttribute("me", authentication.getName());
        model.addAttribute("now", Instant.now());
        return "review/tasks";
    }

    /** The queue tiles alone, which the task list refreshes with htmx. */
    @GetMapping("/queues")
    String queues(Authentication authentication, Model model) {
        Moderator moderator = Moderator.of(authentication);
        model.addAttribute("queues", counts(moderator, review.queue(moderator, TaskQuery.DEFAULT)));
        return "review/tasks :: queues";
    }

    /** Per queue: open tasks, unclaimed ones, mine. */
    private static Map<String, long[]> counts(Moderator moderator, List<ReviewTask> tasks) {
        Map<String, long[]> queues = new LinkedHashMap<>();
        moderator.queues().forEach(q -> queues.put(q, new long[3]));
        for (ReviewTask task : tasks) {
            long[] counts = queues.computeIfAbsent(task.queue() == null ? "—" : task.queue(), q -> new long[3]);
            counts[0]++;
            if (task.assignee() == null) {
                counts[1]++;
            } else if (task.assignee().equals(moderator.id())) {
                counts[2]++;
            }
        }
        return queues;
    }

    /** Claims the most urgent unclaimed task of my queues (within the current filters) and opens it. */
    @PostMapping("/claim-next")
    String claimNext(
            @ModelAttribute("filters") Filters filters, Authentication authentication, RedirectAttributes redirect) {
        Moderator moderator = Moderator.of(authentication);
        Filters byPriority =
                new Filters(filters.profile(), filters.priority(), filters.due(), filters.target(), "priority");
        for (Row row : rows(moderator, byPriority)) {
            if (row.task().assignee() != null || !matches(row, byPriority)) {
                continue;
            }
            try {
                review.claim(moderator, row.task().taskId());
                return "redirect:/tasks/" + row.task().taskId();
            } catch (TaskClaimConflictException | TaskNotFoundException takenMeanwhile) {
                // someone was quicker, or this one is not for me: the next one
            }
        }
        redirect.addFlashAttribute("message", text("tasks.nothingToClaim"));
        return "redirect:/tasks";
    }

    @GetMapping("/{taskId}")
    String show(@PathVariable String taskId, Authentication authentication, Model model) {
        ReviewTask task = review.task(Moderator.of(authentication), taskId);
        CaseView view = cases.find(task.caseId(), Caller.of(authentication)).orElseThrow();
        model.addAttribute("task", task);
        model.addAttribute("case", view);
        model.addAttribute("facts", facts(task.caseId()).orElse(null));
        model.addAttribute("earlier", cases.casesOnTargets(task.caseId()));
        model.addAttribute("labelChecks", labels.forCase(task.caseId()));
        model.addAttribute("riskWarnings", riskWarnings.forCase(task.caseId()));
        model.addAttribute("deadlines", deadlines.of(task.caseId()));
        model.addAttribute("measures", COMMON_MEASURES);
        model.addAttribute("reasons", REASONS);
        model.addAttribute("me", authentication.getName());
        if (task.kind() == ReviewTask.Kind.CRIMINAL_OFFENCE) {
            model.addAttribute("authority", review.authority());
        }
        return "review/task";
    }

    @PostMapping("/{taskId}/claim")
    String claim(@PathVariable String taskId, Authentication authentication, RedirectAttributes redirect) {
        try {
            review.claim(Moderator.of(authentication), taskId);
        } catch (TaskClaimConflictException taken) {
            redirect.addFlashAttribute("error", taken.getMessage());
            return "redirect:/tasks";
        }
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/{taskId}/decision")
    String decide(
            @PathVariable String taskId,
            @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "measures", required = false) List<String> measures,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "reasonTemplate", required = false) String reasonTemplate,
            @RequestParam(name = "manifestlyUnfounded", required = false) Boolean manifestlyUnfounded,
            @RequestParam(name = "intentional", required = false) Boolean intentional,
            @RequestParam(name = "countries", required = false) String countries,
            @RequestParam(name = "endDate", required = false) String endDate,
            Authentication authentication,
            RedirectAttributes redirect) {
        try {
            review.decide(
                    Moderator.of(authentication),
                    taskId,
                    new DecisionRequest(
                            outcome,
                            MeasureChoice.of(measures),
                            reason(reason, reasonTemplate),
                            manifestlyUnfounded,
                            intentional,
                            countries(countries),
                            endDate));
        } catch (InvalidDecisionException invalid) {
            Map<String, String> byField = new LinkedHashMap<>();
            for (FieldProblem p : invalid.problems()) {
                String field = p.field().replaceAll("\\[\\d+]", "");
                byField.merge(
                        field,
                        messages.getMessage("problem.decision." + field, null, p.message(), locale()),
                        (a, b) -> a);
            }
            redirect.addFlashAttribute("decisionProblems", byField);
            redirect.addFlashAttribute("reason", reason);
            redirect.addFlashAttribute("chosenMeasures", measures == null ? List.of() : measures);
            redirect.addFlashAttribute("countries", countries);
            redirect.addFlashAttribute("endDate", endDate);
            return "redirect:/tasks/" + taskId;
        } catch (TaskClaimConflictException notYours) {
            redirect.addFlashAttribute("error", notYours.getMessage());
            return "redirect:/tasks/" + taskId;
        }
        redirect.addFlashAttribute("message", text("tasks.decided"));
        return "redirect:/tasks";
    }

    /** Hands the review to the senior moderators; the reason is required and shown inline when missing. */
    @PostMapping("/{taskId}/escalate")
    String escalate(
            @PathVariable String taskId,
            @RequestParam(name = "escalationReason", required = false) String reason,
            Authentication authentication,
            RedirectAttributes redirect) {
        try {
            review.escalate(Moderator.of(authentication), taskId, reason);
        } catch (InvalidDecisionException invalid) {
            redirect.addFlashAttribute(
                    "escalationProblem",
                    invalid.problems().stream()
                            .map(p -> reason == null || reason.isBlank()
                                    ? text("task.escalate.reasonMissing")
                                    : messages.getMessage("task.escalate.reasonTooLong", new Object[] {2000}, locale()))
                            .findFirst()
                            .orElse(""));
            redirect.addFlashAttribute("escalationReason", reason);
            return "redirect:/tasks/" + taskId + "#escalate";
        } catch (CaseStateException | TaskClaimConflictException notPossible) {
            redirect.addFlashAttribute("error", notPossible.getMessage());
            return "redirect:/tasks/" + taskId;
        }
        redirect.addFlashAttribute("message", text("tasks.escalated"));
        return "redirect:/tasks";
    }

    /** A compliance officer closes an overdue restore with what happened; refused while the content is not back. */
    @PostMapping("/{taskId}/resolution")
    String resolve(
            @PathVariable String taskId,
            @RequestParam(name = "resolution", required = false) String reason,
            Authentication authentication,
            RedirectAttributes redirect) {
        try {
            review.resolveOverdueRestore(Moderator.of(authentication), taskId, reason);
        } catch (InvalidDecisionException invalid) {
            redirect.addFlashAttribute(
                    "resolutionProblem",
                    reason == null || reason.isBlank()
                            ? text("task.resolve.reasonMissing")
                            : messages.getMessage("task.escalate.reasonTooLong", new Object[] {4000}, locale()));
            redirect.addFlashAttribute("resolution", reason);
            return "redirect:/tasks/" + taskId + "#resolution";
        } catch (CaseStateException | TaskClaimConflictException notPossible) {
            redirect.addFlashAttribute("error", notPossible.getMessage());
            redirect.addFlashAttribute("resolution", reason);
            return "redirect:/tasks/" + taskId;
        }
        redirect.addFlashAttribute("message", text("tasks.resolved"));
        return "redirect:/tasks";
    }

    /** DSA Art. 18: reports a suspected offence to compliance; the reason is required and shown inline when missing. */
    @PostMapping("/{taskId}/criminal-offence")
    String flagCriminalOffence(
            @PathVariable String taskId,
            @RequestParam(name = "offenceReason", required = false) String reason,
            Authentication authentication,
            RedirectAttributes redirect) {
        try {
            review.flagCriminalOffence(Moderator.of(authentication), taskId, reason);
        } catch (InvalidDecisionException invalid) {
            redirect.addFlashAttribute(
                    "offenceProblem",
                    reason == null || reason.isBlank()
                            ? text("task.art18.reasonMissing")
                            : messages.getMessage("task.escalate.reasonTooLong", new Object[] {4000}, locale()));
            redirect.addFlashAttribute("offenceReason", reason);
            return "redirect:/tasks/" + taskId + "#criminal-offence";
        } catch (CaseStateException notPossible) {
            redirect.addFlashAttribute("error", notPossible.getMessage());
            return "redirect:/tasks/" + taskId;
        }
        redirect.addFlashAttribute("message", text("tasks.offenceFlagged"));
        return "redirect:/tasks/" + taskId;
    }

    /** DSA Art. 18: a compliance officer records that the authority was informed, under which reference. */
    @PostMapping("/{taskId}/authority-notification")
    String recordAuthorityNotification(
            @PathVariable String taskId,
            @RequestParam(name = "reference", required = false) String reference,
            Authentication authentication,
            RedirectAttributes redirect) {
        try {
            review.recordAuthorityNotification(
                    Moderator.of(authentication), taskId, new AuthorityNotification(reference, null));
        } catch (InvalidDecisionException invalid) {
            redirect.addFlashAttribute(
                    "referenceProblem",
                    reference == null || reference.isBlank()
                            ? text("task.authority.referenceMissing")
                            : messages.getMessage("task.escalate.reasonTooLong", new Object[] {200}, locale()));
            redirect.addFlashAttribute("reference", reference);
            return "redirect:/tasks/" + taskId + "#authority";
        } catch (CaseStateException | TaskClaimConflictException notPossible) {
            redirect.addFlashAttribute("error", notPossible.getMessage());
            return "redirect:/tasks/" + taskId;
        }
        redirect.addFlashAttribute("message", text("tasks.authorityNotified"));
        return "redirect:/tasks";
    }

    /** The countries field as typed: codes separated by commas or spaces, in either case. */
    private static List<String> countries(String typed) {
        return typed == null || typed.isBlank()
                ? List.of()
                : Arrays.stream(typed.strip().split("[,\\s]+"))
                        .map(code -> code.toUpperCase(Locale.ROOT))
                        .toList();
    }

    /** The same decision on several tasks I have claimed; each is decided on its own, failures are listed. */
    @PostMapping("/bulk-decision")
    String bulk(
            @RequestParam(name = "taskIds", required = false) List<String> taskIds,
            @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "measures", required = false) List<String> measures,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "reasonTemplate", required = false) String reasonTemplate,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (taskIds == null || taskIds.isEmpty()) {
            redirect.addFlashAttribute("error", text("tasks.bulk.none"));
            return "redirect:/tasks";
        }
        Moderator moderator = Moderator.of(authentication);
        DecisionRequest request = new DecisionRequest(outcome, measures, reason(reason, reasonTemplate));
        int decided = 0;
        List<String> failures = new ArrayList<>();
        for (String taskId : taskIds.stream().distinct().limit(200).toList()) {
            try {
                review.decide(moderator, taskId, request);
                decided++;
            } catch (InvalidDecisionException invalid) {
                failures.add(shortId(taskId) + ": "
                        + invalid.problems().stream()
                                .map(p -> messages.getMessage(
                                        "problem.decision." + p.field().replaceAll("\\[\\d+]", ""),
                                        null,
                                        p.message(),
                                        locale()))
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""));
            } catch (TaskClaimConflictException | TaskNotFoundException notYours) {
                failures.add(shortId(taskId) + ": " + notYours.getMessage());
            }
        }
        if (decided > 0) {
            redirect.addFlashAttribute(
                    "message", messages.getMessage("tasks.bulk.done", new Object[] {decided}, locale()));
        }
        if (!failures.isEmpty()) {
            redirect.addFlashAttribute("bulkFailures", failures);
        }
        return "redirect:/tasks";
    }

    @ExceptionHandler(TaskNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(TaskNotFoundException e, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    private List<Row> rows(Moderator moderator, Filters filters) {
        Instant dueBefore = filters.due() == null ? null : Instant.now().plus(DUE.get(filters.due()));
        List<ReviewTask> tasks = review.queue(moderator, new TaskQuery(filters.priority(), dueBefore, filters.sort()));
        Map<String, Optional<TriageFacts>> byCase = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (ReviewTask task : tasks) {
            Optional<TriageFacts> facts = byCase.computeIfAbsent(task.caseId(), this::facts);
            rows.add(new Row(
                    task,
                    facts.map(TriageFacts::profile).orElse(null),
                    facts.map(TriageFacts::targetType).orElse(null)));
        }
        return rows;
    }

    private Optional<TriageFacts> facts(String caseId) {
        try {
            return Optional.of(cases.triageFacts(caseId));
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static boolean matches(Row row, Filters filters) {
        return (filters.profile() == null || filters.profile().equals(row.profile()))
                && (filters.target() == null
                        || row.targetType() != null
                                && filters.target().equals(row.targetType().name()))
                && (filters.priority() == null || row.task().priority() >= filters.priority())
                && (filters.due() == null
                        || row.task().due() != null
                                && row.task().due().isBefore(Instant.now().plus(DUE.get(filters.due()))));
    }

    /** An earlier case on the same target URLs (newest first): what was decided there. */
    private String reason(String reason, String template) {
        if ((reason == null || reason.isBlank()) && template != null && REASONS.contains(template)) {
            String english = messages.getMessage("reason." + template + ".text", null, Locale.ENGLISH);
            String chinese = messages.getMessage("reason." + template + ".text", null, Locale.SIMPLIFIED_CHINESE);
            return english.equals(chinese) ? english : english + " / " + chinese;
        }
        return reason;
    }

    private static String shortId(String taskId) {
        return taskId.length() > 8 ? taskId.substring(0, 8) : taskId;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
