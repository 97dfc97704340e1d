package dev.takedown.review;

import dev.takedown.aigc.ImplicitLabels;
import dev.takedown.aigc.LabelEvidence;
import dev.takedown.aigc.RiskWarnings;
import dev.takedown.events.RiskWarningsNoted;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.SimilarUploads;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.measures.MeasureScope;
import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.MeasureTarget;
import dev.takedown.measures.MeasureType;
import dev.takedown.measures.Measures;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.StandingChange;
import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.RestrictionScopes;
import dev.takedown.notices.Verdict;
import dev.takedown.workflow.ReviewTask;
import dev.takedown.workflow.ReviewTasks;
import dev.takedown.workflow.TaskClaimConflictException;
import dev.takedown.workflow.TaskQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderator work: queues, claiming, deciding. A decision, its planned measures, the case status and the task
 * completion commit together, so a decision is never recorded without the lifecycle moving on (or vice versa). The
 * case stores the decision ({@link CaseLifecycle}); review keeps none. Confirmations of high-impact measures and
 * appeals go to someone other than whoever took the decision under review.
 */
@Service
@EnableConfigurationProperties(CriminalOffenceAuthority.class)
public class Review {

    /** Measures whose effect is hard to undo: a second reviewer confirms them (four-eyes). */
    static final Set<MeasureType> HIGH_IMPACT =
            Set.of(MeasureType.ACCOUNT_TERMINATE, MeasureType.UNPUBLISH_MODEL, MeasureType.TOTAL_SERVICE_SUSPENSION);

    private final ReviewTasks tasks;
    private final NoticeCases cases;
    private final CaseLifecycle lifecycle;
    private final Measures measures;
    private final ApplicationEventPublisher events;
    private final RiskWarnings riskWarnings;
    private final Appeals appeals;
    private final Misuse misuse;
    private final CriminalOffenceAuthority authority;
    private final LabelEvidence labels;
    private final Clock clock;

    Review(
            ReviewTasks tasks,
            NoticeCases cases,
            CaseLifecycle lifecycle,
            Measures measures,
            ApplicationEventPublisher events,
            RiskWarnings riskWarnings,
            Appeals appeals,
            Misuse misuse,
            CriminalOffenceAuthority authority,
            LabelEvidence labels,
            Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.measures = measures;
        this.events = events;
        this.riskWarnings = riskWarnings;
        this.appeals = appeals;
        this.misuse = misuse;
        this.authority = authority;
        this.labels = labels;
        this.clock = clock;
    }

    public List<ReviewTask> queue(Moderator moderator, TaskQuery query) {
        return tasks.list(moderator.id(), moderator.queues(), query);
    }

    public ReviewTask task(Moderator moderator, String taskId) {
        return tasks.get(taskId, moderator.id(), moderator.queues());
    }

    /** Confirmations and appeals cannot be claimed by whoever took the decision under review. */
    public ReviewTask claim(Moderator moderator, String taskId) {
        ReviewTask task = tasks.get(taskId, moderator.id(), moderator.queues());
        requireOtherThanDeciders(task, moderator);
        return tasks.claim(taskId, moderator.id(), moderator.queues());
    }

    /**
     * Hands a first review (open, or claimed by this moderator) to the senior moderators' queue with a reason that
     * the case history keeps.
     *
     * @return the case id
     */
    public String escalate(Moderator moderator, String taskId, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "an escalation needs a reason for the senior moderators"));
        }
        TextBounds.requireWithin("reason", reason, 2000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        return tasks.escalate(taskId, moderator.id(), moderator.queues(), reason.strip());
    }

    /** Decides whatever the task asks: a review, a confirmation, or an appeal. */
    @Transactional
    public Decision decide(Moderator moderator, String taskId, DecisionRequest request) {
        List<FieldProblem> tooLong = new ArrayList<>();
        TextBounds.requireWithin("reason", request.reason(), 4000, tooLong);
        if (!tooLong.isEmpty()) {
            throw new InvalidDecisionException(tooLong);
        }
        ReviewTask task = tasks.get(taskId, moderator.id(), moderator.queues());
        return switch (task.kind()) {
            case CONFIRMATION -> Decision.of(confirm(moderator, task, request));
            case APPEAL -> decideComplaint(moderator, task, request);
            case REVIEW -> Decision.of(review(moderator, task, request));
            case FILTER_WIDENING ->
                throw new CaseStateException("a filter widening is approved or refused at "
                        + "POST /api/remediations/{id}/widening (page /remediations), not decided as a notice");
            case RESTORE_OVERDUE, ENFORCEMENT_OVERDUE ->
                throw new CaseStateException("an overdue restore or enforcement is resolved at POST"
                        + " /api/tasks/{id}/resolution, not decided as a notice");
            case CRIMINAL_OFFENCE ->
                throw new CaseStateException("the authority's notification is recorded at POST"
                        + " /api/tasks/{id}/authority-notification, not decided as a notice");
        };
    }

    /**
     * DSA Art. 18: a moderator working a case's task flags information that gives rise to a suspicion of a criminal
     * offence involving a threat to the life or safety of persons, with the reason; compliance officers get a task to
     * inform the authority. The moderator's own task stays as it is.
     *
     * @return the case id
     */
    @Transactional
    public String flagCriminalOffence(Moderator moderator, String taskId, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "say what gives rise to the suspicion"));
        }
        TextBounds.requireWithin("reason", reason, 4000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        ReviewTask task = tasks.get(taskId, moderator.id(), moderator.queues());
        if (!Set.of(ReviewTask.Kind.REVIEW, ReviewTask.Kind.CONFIRMATION, ReviewTask.Kind.APPEAL)
                .contains(task.kind())) {
            throw new CaseStateException("a suspected criminal offence is flagged from a moderator's review,"
                    + " confirmation or complaint task; this task is " + task.name());
        }
        lifecycle.flagCriminalOffence(task.caseId(), moderator.id(), reason.strip());
        return task.caseId();
    }

    /** The authority compliance officers inform of a suspected criminal offence (DSA Art. 18), as configured. */
    public CriminalOffenceAuthority authority() {
        return authority;
    }

    /**
     * DSA Art. 18: a compliance officer who claimed the task records that the configured authority was informed, when
     * and under which reference; a ledger fact on the case. The task then closes.
     *
     * @return the case id
     */
    @Transactional
    public String recordAuthorityNotification(Moderator officer, String taskId, AuthorityNotification notification) {
        List<FieldProblem> problems = new ArrayList<>();
        String reference = notification == null ? null : notification.reference();
        if (reference == null || reference.isBlank()) {
            problems.add(new FieldProblem("reference", "the reference of the notification to the authority"));
        }
        TextBounds.requireWithin("reference", reference, 200, problems);
        Instant now = clock.instant();
        Instant notifiedAt =
                notification == null || notification.notifiedAt() == null ? now : notification.notifiedAt();
        if (notifiedAt.isAfter(now)) {
            problems.add(new FieldProblem("notified_at", "lies in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        ReviewTask task = tasks.get(taskId, officer.id(), officer.queues());
        if (task.kind() != ReviewTask.Kind.CRIMINAL_OFFENCE) {
            throw new CaseStateException("task " + taskId + " reports no suspected criminal offence");
        }
        if (!authority.configured()) {
            throw new CaseStateException(
                    "no competent authority is configured (takedown.art18.authority): the notification names none");
        }
        if (!officer.id().equals(task.assignee())) {
            throw new TaskClaimConflictException("claim task " + taskId + " before recording the notification");
        }
        lifecycle.recordAuthorityNotified(
                task.caseId(), officer.id(), tasks.flagOf(taskId), authority.name(), notifiedAt, reference.strip());
        return tasks.complete(taskId, officer.id(), officer.queues(), Map.of());
    }

    /**
     * A compliance officer closes an overdue restore once the content is back: while a measure of the case is still
     * applied the task stays open, so a statutory restore cannot be marked handled without being done. The reasons
     * (what failed, what was done) go on the case's history. An unconfirmed enforcement (the platform did not confirm
     * a measure or its lift) is resolved the same way, by whoever holds its task.
     *
     * @return the case id
     */
    @Transactional
    public String resolveOverdueRestore(Moderator officer, String taskId, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "say what kept the restore and how it was done"));
        }
        TextBounds.requireWithin("reason", reason, 4000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        ReviewTask task = tasks.get(taskId, officer.id(), officer.queues());
        if (task.kind() == ReviewTask.Kind.ENFORCEMENT_OVERDUE) {
            // the platform acts outside Takedown: what was done there is the officer's word, on the record
            String caseId = tasks.complete(taskId, officer.id(), officer.queues(), Map.of());
            lifecycle.note(caseId, officer.id(), "unconfirmed enforcement resolved: " + reason.strip());
            return caseId;
        }
        if (task.kind() != ReviewTask.Kind.RESTORE_OVERDUE) {
            throw new CaseStateException("task " + taskId + " is no overdue restore");
        }
        long stillApplied = measures.forCase(task.caseId()).stream()
                .filter(measure -> measure.status() == MeasureStatus.APPLIED)
                .count();
        if (stillApplied > 0) {
            throw new CaseStateException("the content of case " + task.caseId() + " is not restored yet: "
                    + stillApplied + " measure(s) still applied; retry the restore's incident (/admin/incidents) or "
                    + "lift the measures, then resolve");
        }
        String caseId = tasks.complete(taskId, officer.id(), officer.queues(), Map.of());
        lifecycle.note(caseId, officer.id(), "overdue restore resolved: " + reason.strip());
        return caseId;
    }

    private CaseDecision review(Moderator moderator, ReviewTask task, DecisionRequest request) {
        List<MeasureType> measureTypes = validate(request, today());
        boolean accepted = "ACCEPT".equals(request.outcome());
        List<String> names = measureTypes.stream().map(Enum::name).toList();
        CaseDecision decision = lifecycle.decide(
                task.caseId(),
                task.taskId(),
                accepted ? Verdict.ACCEPT : Verdict.REJECT,
                names,
                reason(request),
                moderator.id());
        if (accepted) {
            plan(task.caseId(), decision.decisionId(), measureTypes, moderator, request.intent(), scopes(request));
        }
        noteRiskWarnings(task.caseId(), moderator.id());
        if (!accepted && Boolean.TRUE.equals(request.manifestlyUnfounded())) {
            lifecycle.recordManifestlyUnfounded(task.caseId(), request.intent());
        }
        boolean secondReview = accepted && measureTypes.stream().anyMatch(HIGH_IMPACT::contains);
        if (secondReview) {
            lifecycle.awaitSecondReview(task.caseId());
        }
        tasks.complete(
                task.taskId(),
                moderator.id(),
                moderator.queues(),
                Map.of("accepted", accepted, "secondReview", secondReview, "decisionId", decision.decisionId()));
        return decision;
    }

    private CaseDecision confirm(Moderator moderator, ReviewTask task, DecisionRequest request) {
        requireOtherThanDeciders(task, moderator);
        requireOutcome(request, "CONFIRM", "OVERTURN");
        boolean confirmed = "CONFIRM".equals(request.outcome());
        String reason = reason(request);
        CaseDecision decision;
        if (confirmed) {
            decision = lifecycle.confirmOnSecondReview(task.caseId(), task.taskId(), moderator.id(), reason);
        } else {
            if (reason == null) {
                throw new InvalidDecisionException(List.of(new FieldProblem("reason", "overturning needs a reason")));
            }
            measures.cancelPlanned(task.caseId());
            decision = lifecycle.overturnOnSecondReview(task.caseId(), task.taskId(), moderator.id(), reason);
        }
        tasks.complete(task.taskId(), moderator.id(), moderator.queues(), Map.of("confirmed", confirmed));
        return decision;
    }

    /**
     * Decides the complaint the task reviews. A complaint against a case decision changes the case's outcome; one
     * against a suspension or termination changes only the complainant's standing, so the case's decisions and
     * status stay as they were.
     */
    private Decision decideComplaint(Moderator moderator, ReviewTask task, DecisionRequest request) {
        requireOtherThanDeciders(task, moderator);
        requireOutcome(request, "UPHOLD", "REVERSE");
        String reason = reason(request);
        if (reason == null) {
            throw new InvalidDecisionException(List.of(
                    new FieldProblem("reason", "the complainant is owed a reasoned decision (DSA Art. 20(5))")));
        }
        boolean reversed = "REVERSE".equals(request.outcome());
        Complaint complaint = appeals.complaint(tasks.complaintOf(task.taskId()));
        Decision decision;
        if (complaint.subject() == ComplaintSubject.SUSPENSION) {
            decision = decideSuspensionComplaint(task, complaint, reversed, reason, moderator);
        } else {
            decision = Decision.of(decideAppeal(moderator, task, complaint, reversed, reason, request));
            appeals.decided(complaint.complaintId(), reversed, reason, moderator.id());
        }
        tasks.complete(
                task.taskId(),
                moderator.id(),
                moderator.queues(),
                Map.of("reversed", decision.outcome() == Verdict.REVERSE, "decisionId", decision.decisionId()));
        return decision;
    }

    /**
     * The restricted party is told the reasons; a reversal ends the suspension or termination through the complaint's
     * process. The decision is the complaint's, not the case's: it is stored with the complaint and answered under its
     * id.
     */
    private Decision decideSuspensionComplaint(
            ReviewTask task, Complaint complaint, boolean reversed, String reason, Moderator moderator) {
        if (complaint.outcome().isEmpty()) {
            StandingChange restriction = misuse.change(complaint.decisionId())
                    .orElseThrow(
                            () -> new CaseStateException("no suspension or termination " + complaint.decisionId()));
            lifecycle.decideSuspensionComplaint(
                    task.caseId(),
                    complaint.complaintId(),
                    restriction.party(),
                    restriction.change(),
                    reversed ? Verdict.REVERSE : Verdict.UPHOLD,
                    reason,
                    moderator.id());
        }
        Complaint.Outcome outcome = appeals.decided(complaint.complaintId(), reversed, reason, moderator.id())
                .outcome()
                .orElseThrow();
        return new Decision(
                complaint.complaintId(),
                task.caseId(),
                task.taskId(),
                DecisionKind.APPEAL,
                outcome.reversed() ? Verdict.REVERSE : Verdict.UPHOLD,
                List.of(),
                outcome.reason(),
                outcome.decidedBy(),
                outcome.decidedAt());
    }

    private CaseDecision decideAppeal(
            Moderator moderator,
            ReviewTask task,
            Complaint complaint,
            boolean reversed,
            String reason,
            DecisionRequest request) {
        boolean actionWasTaken =
                measures.forCase(task.caseId()).stream().anyMatch(measure -> measure.status() != MeasureStatus.LIFTED);
        List<MeasureType> newMeasures = List.of();
        if (reversed && !actionWasTaken) {
            newMeasures = validate(
                    new DecisionRequest(
                            "ACCEPT", request.measures(), reason, null, null, request.countries(), request.endDate()),
                    today());
        }
        List<MeasureScope> scopes = newMeasures.isEmpty() ? List.of() : scopes(request);
        CaseDecision decision = lifecycle.decideAppeal(
                task.caseId(),
                task.taskId(),
                complaint.complaintId(),
                complaint.subject().name(),
                reversed ? Verdict.REVERSE : Verdict.UPHOLD,
                newMeasures.stream().map(Enum::name).toList(),
                scopes.stream()
                        .map(scope -> new RestrictionScopes.Scope(scope.countries(), scope.endsOn()))
                        .toList(),
                reason,
                moderator.id());
        if (!newMeasures.isEmpty()) {
            plan(task.caseId(), decision.decisionId(), newMeasures, moderator, request.intent(), scopes);
        }
        return decision;
    }

    /** The case's decisions, in the order they were taken. */
    public List<CaseDecision> decisions(String caseId) {
        return cases.decisions(caseId);
    }

    /**
     * Whoever took the decision under review may not review it: a confirmation is someone else's than the first
     * reviewer's, an appeal someone else's than
     * the first reviewer's, the second reviewer's and any earlier complaint's reviewer's.
     */
    private void requireOtherThanDeciders(ReviewTask task, Moderator moderator) {
        if (task.kind() == ReviewTask.Kind.REVIEW) {
            return;
        }
        // a complaint may be against a decision on an earlier complaint, so no earlier decider reviews it
        Set<DecisionKind> underReview = task.kind() == ReviewTask.Kind.CONFIRMATION
                ? Set.of(DecisionKind.REVIEW)
                : Set.of(DecisionKind.REVIEW, DecisionKind.CONFIRMATION, DecisionKind.APPEAL);
        Set<String> deciders = cases.decisions(task.caseId()).stream()
                .filter(d -> underReview.contains(d.kind()))
                .map(CaseDecision::decidedBy)
                .collect(Collectors.toSet());
        if (deciders.contains(moderator.id())) {
            throw new TaskClaimConflictException(
                    "the decision under review was taken by you; " + "a different reviewer must handle this "
                            + task.kind().name().toLowerCase(Locale.ROOT));
        }
    }

    private void plan(
            String caseId,
            String decisionId,
            List<MeasureType> types,
            Moderator moderator,
            boolean intentional,
            List<MeasureScope> scopes) {
        ScreeningRule rule = types.stream().anyMatch(MeasureType::isFilter) ? screeningRule(caseId, types) : null;
        List<CaseTarget> caseTargets = cases.targets(caseId);
        Set<Integer> labelled = types.contains(MeasureType.LABEL) ? verifiedLabels(caseId) : Set.of();
        List<MeasureTarget> targets = IntStream.range(0, caseTargets.size())
                .mapToObj(i -> {
                    CaseTarget t = caseTargets.get(i);
                    return new MeasureTarget(
                            t.url(),
                            t.accountId(),
                            t.sha256(),
                            t.modelId(),
                            t.declaredAiGenerated(),
                            labelled.contains(i));
                })
                .toList();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).needsFileHash() && targets.stream().allMatch(t -> t.sha256() == null)) {
                throw new InvalidDecisionException(List.of(new FieldProblem(
                        "measures[" + i + "]", "no target of this notice names a file sha256 to block")));
            }
        }
        SimilarUploads similar =
                types.stream().anyMatch(MeasureType::needsFileHash) ? similarUploads(caseId) : SimilarUploads.REVIEW;
        // the measures sharing a scope are planned together
        Map<MeasureScope, List<MeasureType>> byScope = new LinkedHashMap<>();
        for (int i = 0; i < types.size(); i++) {
            byScope.computeIfAbsent(scopes.get(i), scope -> new ArrayList<>()).add(types.get(i));
        }
        byScope.forEach((scope, typesInScope) -> measures.plan(
                caseId, decisionId, typesInScope, targets, rule, moderator.id(), intentional, similar, scope));
    }

    /** What a re-upload block answers for a similar upload: the case's governing profile decides. */
    private SimilarUploads similarUploads(String caseId) {
        JurisdictionProfile profile =
                JurisdictionProfile.byName(cases.triageFacts(caseId).profile());
        return (profile == null ? JurisdictionProfile.DEFAULT : profile)
                .family()
                .similarUploads();
    }

    /** The targets whose latest label check found their implicit label present, by index. */
    private Set<Integer> verifiedLabels(String caseId) {
        Map<Integer, String> latest = new HashMap<>();
        labels.forCase(caseId).forEach(check -> latest.put(check.targetIndex(), check.status()));
        return latest.entrySet().stream()
                .filter(e -> ImplicitLabels.Status.PRESENT.name().equals(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** A filter needs something to match: terms from the notice's works or a registered work's definition. */
    private ScreeningRule screeningRule(String caseId, List<MeasureType> types) {
        ScreeningRule rule = cases.screeningRule(caseId);
        if (rule.terms().isEmpty()
                && rule.combinations().isEmpty()
                && rule.imageHashes().isEmpty()) {
            int index = types.indexOf(
                    types.stream().filter(MeasureType::isFilter).findFirst().orElseThrow());
            throw new InvalidDecisionException(List.of(new FieldProblem(
                    "measures[" + index + "]",
                    "the notice names no protected terms or reference images to filter on")));
        }
        return rule;
    }

    private static String reason(DecisionRequest request) {
        return request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
    }

    private static void requireOutcome(DecisionRequest request, String... allowed) {
        if (!List.of(allowed).contains(request.outcome())) {
            throw new InvalidDecisionException(
                    List.of(new FieldProblem("outcome", "this task is decided with " + String.join(" or ", allowed))));
        }
    }

    /**
     * Checks a review decision's shape before anything is touched; names every problem. An end date must lie after
     * {@code today}: a measure that ends before it starts restricts nothing.
     */
    static List<MeasureType> validate(DecisionRequest request, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        List<MeasureType> types = new ArrayList<>();
        String outcome = request.outcome();
        if (!"ACCEPT".equals(outcome) && !"REJECT".equals(outcome)) {
            problems.add(new FieldProblem("outcome", "must be ACCEPT or REJECT"));
        }
        for (int i = 0; i < request.measures().size(); i++) {
            MeasureChoice choice = request.measures().get(i);
            String name = choice == null ? null : choice.type();
            try {
                MeasureType type = MeasureType.valueOf(name);
                if (types.contains(type)) {
                    problems.add(new FieldProblem("measures[" + i + "]", "'" + name + "' is chosen twice"));
                }
                types.add(type);
            } catch (IllegalArgumentException | NullPointerException unknown) {
                problems.add(new FieldProblem("measures[" + i + "]", "unknown measure '" + name + "'"));
            }
            if (choice != null) {
                problems.addAll(scopeProblems("measures[" + i + "].", choice.countries(), choice.endDate(), today));
            }
        }
        if ("ACCEPT".equals(outcome) && request.measures().isEmpty()) {
            problems.add(new FieldProblem("measures", "accepting a notice needs at least one measure"));
        }
        if ("REJECT".equals(outcome) && !request.measures().isEmpty()) {
            problems.add(new FieldProblem("measures", "a rejection applies no measures"));
        }
        if ("REJECT".equals(outcome)
                && (request.reason() == null || request.reason().isBlank())) {
            problems.add(new FieldProblem("reason", "a rejection must give its reason to the notifier"));
        }
        problems.addAll(scopeProblems("", request.countries(), request.endDate(), today));
        if ("REJECT".equals(outcome) && (!request.countries().isEmpty() || !isBlank(request.endDate()))) {
            problems.add(new FieldProblem("countries", "a rejection applies no measures, so it has no scope"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        return types;
    }

    /** The countries and last day of a decision or of one of its measures ({@code prefix}), each problem named. */
    private static List<FieldProblem> scopeProblems(
            String prefix, List<String> countries, String endDate, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> codes = countries == null ? List.of() : countries;
        for (int i = 0; i < codes.size(); i++) {
            String country = codes.get(i);
            if (!MeasureScope.isCountry(country)) {
                problems.add(new FieldProblem(
                        prefix + "countries[" + i + "]",
                        "'" + country + "' is not an ISO 3166-1 alpha-2 country code"));
            }
        }
        if (!isBlank(endDate)) {
            try {
                if (!LocalDate.parse(endDate.strip()).isAfter(today)) {
                    problems.add(new FieldProblem(prefix + "end_date", "must be after today (" + today + ")"));
                }
            } catch (DateTimeParseException notADate) {
                problems.add(new FieldProblem(prefix + "end_date", "must be a date, YYYY-MM-DD"));
            }
        }
        return problems;
    }

    /**
     * Where and how long each measure of the decision restricts, in the order chosen: its own countries and last day
     * where it gives them, else the decision's; {@link #validate} has checked them.
     */
    private static List<MeasureScope> scopes(DecisionRequest request) {
        return request.measures().stream()
                .map(choice -> {
                    List<String> countries = choice.countries() != null ? choice.countries() : request.countries();
                    String endDate = choice.endDate() != null ? choice.endDate() : request.endDate();
                    return new MeasureScope(countries, isBlank(endDate) ? null : LocalDate.parse(endDate.strip()));
                })
                .toList();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The day an end date is compared with, in UTC like every day of the ledger. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** What the uploaders had been warned of at generation time goes on the ledger with the decision. */
    private void noteRiskWarnings(String caseId, String actor) {
        List<RiskWarningsNoted.Warned> warned = riskWarnings.forCase(caseId).stream()
                .map(w -> new RiskWarningsNoted.Warned(
                        w.targetIndex(),
                        w.accountId(),
                        w.generatedAt(),
                        w.acknowledgement() == null ? null : w.acknowledgement().agreementVersion(),
                        w.acknowledgement() == null ? null : w.acknowledgement().riskWarningVersion(),
                        w.acknowledgement() == null
                                ? null
                                : Instant.parse(w.acknowledgement().shownAt())))
                .toList();
        if (!warned.isEmpty()) {
            events.publishEvent(new RiskWarningsNoted(UUID.randomUUID(), clock.instant(), caseId, actor, warned));
        }
    }
}
