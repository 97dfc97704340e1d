package dev.takedown.review;

import dev.takedown.events.NoticeDecided;
import dev.takedown.events.ScreeningRule;
import dev.takedown.measures.MeasureType;
import dev.takedown.measures.Measures;
import dev.takedown.notices.FieldProblem;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.ProtectedWorks;
import dev.takedown.review.internal.DecisionRecord;
import dev.takedown.review.internal.DecisionRepository;
import dev.takedown.workflow.ReviewTask;
import dev.takedown.workflow.ReviewTasks;
import dev.takedown.workflow.TaskQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderator work: queues, claiming, deciding. A decision, its planned measures, the case status and the task
 * completion commit together, so a decision is never recorded without the lifecycle moving on (or vice versa).
 */
@Service
public class Review {

    private final ReviewTasks tasks;
    private final NoticeCases cases;
    private final Measures measures;
    private final ProtectedWorks works;
    private final DecisionRepository decisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Review(ReviewTasks tasks, NoticeCases cases, Measures measures, ProtectedWorks works, DecisionRepository decisions,
            ApplicationEventPublisher events, Optional<Clock> clock) {
        this.works = works;
        this.tasks = tasks;
        this.cases = cases;
        this.measures = measures;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public List<ReviewTask> queue(Moderator moderator, TaskQuery query) {
        return tasks.list(moderator.id(), moderator.queues(), query);
    }

    public ReviewTask task(Moderator moderator, String taskId) {
        return tasks.get(taskId, moderator.id(), moderator.queues());
    }

    public ReviewTask claim(Moderator moderator, String taskId) {
        return tasks.claim(taskId, moderator.id(), moderator.queues());
    }

    @Transactional
    public Decision decide(Moderator moderator, String taskId, DecisionRequest request) {
        List<MeasureType> measureTypes = validate(request);
        boolean accepted = "ACCEPT".equals(request.outcome());
        ReviewTask task = tasks.get(taskId, moderator.id(), moderator.queues());
        Instant now = clock.instant();
        String decisionId = UUID.randomUUID().toString();
        String reason = request.reason() == null ? null : request.reason().strip();
        List<String> measureNames = measureTypes.stream().map(Enum::name).toList();
        DecisionRecord record = decisions.save(new DecisionRecord(decisionId, task.caseId(), taskId,
                accepted ? "ACCEPT" : "REJECT", String.join(",", measureNames), reason, moderator.id(), now));
        if (accepted) {
            ScreeningRule rule = measureTypes.stream().anyMatch(MeasureType::isFilter)
                    ? screeningRule(task.caseId(), measureTypes) : null;
            measures.plan(task.caseId(), decisionId, measureTypes, cases.targetUrls(task.caseId()), rule,
                    moderator.id());
        }
        cases.recordDecision(task.caseId(), accepted, moderator.id(),
                accepted ? "accepted: " + String.join(", ", measureNames) + (reason == null ? "" : " — " + reason)
                        : "rejected: " + reason);
        tasks.complete(taskId, moderator.id(), moderator.queues(), decisionId, accepted);
        events.publishEvent(new NoticeDecided(UUID.randomUUID(), now, task.caseId(), moderator.id(), decisionId,
                record.outcome(), measureNames, reason));
        return record.view();
    }

    /** A filter needs something to match: terms from the notice's works or a registered work's definition. */
    private ScreeningRule screeningRule(String caseId, List<MeasureType> types) {
        ScreeningRule rule = works.ruleFor(caseId);
        if (rule.terms().isEmpty() && rule.combinations().isEmpty() && rule.imageHashes().isEmpty()) {
            int index = types.indexOf(types.stream().filter(MeasureType::isFilter).findFirst().orElseThrow());
            throw new InvalidDecisionException(List.of(new FieldProblem("measures[" + index + "]",
                    "the notice names no protected terms or reference images to filter on")));
        }
        return rule;
    }

    @Transactional(readOnly = true)
    public List<Decision> decisions(String caseId) {
        return decisions.findByCaseIdOrderByDecidedAt(caseId).stream().map(DecisionRecord::view).toList();
    }

    /** Checks the request shape before anything is touched; names every problem. */
    static List<MeasureType> validate(DecisionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        List<MeasureType> types = new ArrayList<>();
        String outcome = request.outcome();
        if (!"ACCEPT".equals(outcome) && !"REJECT".equals(outcome)) {
            problems.add(new FieldProblem("outcome", "must be ACCEPT or REJECT"));
        }
        for (int i = 0; i < request.measures().size(); i++) {
            String name = request.measures().get(i);
            try {
                types.add(MeasureType.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException unknown) {
                problems.add(new FieldProblem("measures[" + i + "]", "unknown measure '" + name + "'"));
            }
        }
        if ("ACCEPT".equals(outcome) && request.measures().isEmpty()) {
            problems.add(new FieldProblem("measures", "accepting a notice needs at least one measure"));
        }
        if ("REJECT".equals(outcome) && !request.measures().isEmpty()) {
            problems.add(new FieldProblem("measures", "a rejection applies no measures"));
        }
        if ("REJECT".equals(outcome) && (request.reason() == null || request.reason().isBlank())) {
            problems.add(new FieldProblem("reason", "a rejection must give its reason to the notifier"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        return types;
    }
}
