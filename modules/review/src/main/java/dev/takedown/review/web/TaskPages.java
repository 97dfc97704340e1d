package dev.takedown.review.web;

import dev.takedown.measures.MeasureType;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.Reader;
import dev.takedown.review.DecisionRequest;
import dev.takedown.review.InvalidDecisionException;
import dev.takedown.review.Moderator;
import dev.takedown.review.Review;
import dev.takedown.workflow.ReviewTask;
import dev.takedown.workflow.TaskClaimConflictException;
import dev.takedown.workflow.TaskNotFoundException;
import dev.takedown.workflow.TaskQuery;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Moderator task list with claim and decide. */
@Controller
@RequestMapping("/tasks")
class TaskPages {

    private static final List<MeasureType> COMMON_MEASURES = List.of(MeasureType.DELETE, MeasureType.DISABLE_ACCESS,
            MeasureType.GEO_BLOCK, MeasureType.PROMPT_FILTER, MeasureType.OUTPUT_SIMILARITY_FILTER,
            MeasureType.STOP_GENERATION);

    private final Review review;
    private final NoticeCases cases;

    TaskPages(Review review, NoticeCases cases) {
        this.review = review;
        this.cases = cases;
    }

    @GetMapping
    String list(@RequestParam(name = "sort", defaultValue = "priority") String sort, Authentication authentication,
            Model model) {
        model.addAttribute("tasks", review.queue(Moderator.of(authentication),
                new TaskQuery(null, null, "due".equals(sort) ? "due" : "priority")));
        model.addAttribute("sort", sort);
        model.addAttribute("me", authentication.getName());
        return "review/tasks";
    }

    @GetMapping("/{taskId}")
    String show(@PathVariable String taskId, Authentication authentication, Model model) {
        ReviewTask task = review.task(Moderator.of(authentication), taskId);
        model.addAttribute("task", task);
        model.addAttribute("case", cases.find(task.caseId(), Reader.of(authentication)).orElseThrow());
        model.addAttribute("measures", COMMON_MEASURES);
        model.addAttribute("me", authentication.getName());
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
    String decide(@PathVariable String taskId, @RequestParam String outcome,
            @RequestParam(name = "measures", required = false) List<String> measures,
            @RequestParam(name = "reason", required = false) String reason, Authentication authentication,
            RedirectAttributes redirect) {
        try {
            review.decide(Moderator.of(authentication), taskId, new DecisionRequest(outcome, measures, reason));
        } catch (InvalidDecisionException invalid) {
            redirect.addFlashAttribute("problems", invalid.problems());
            return "redirect:/tasks/" + taskId;
        } catch (TaskClaimConflictException notYours) {
            redirect.addFlashAttribute("error", notYours.getMessage());
            return "redirect:/tasks/" + taskId;
        }
        redirect.addFlashAttribute("message", "Decision recorded.");
        return "redirect:/tasks";
    }

    @ExceptionHandler(TaskNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(TaskNotFoundException e, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("message", e.getMessage());
        return "error";
    }
}
