package dev.takedown.measures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.AccountRestored;
import dev.takedown.events.LiftCause;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.SimilarUploads;
import dev.takedown.events.StrikeRecorded;
import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.internal.EnforcementRepository;
import dev.takedown.measures.internal.Measure;
import dev.takedown.measures.internal.MeasureMapper;
import dev.takedown.measures.internal.MeasureRepository;
import dev.takedown.measures.internal.Strikes;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans measures when a moderator decides, applies them when the lifecycle reaches that step, lifts them on
 * restoration. Applying and lifting are idempotent: a retried job publishes nothing twice. An account suspension or
 * termination the strike ladder decides (DSA Art. 23) is a measure too, with its own command to the platform, but it
 * follows the account's standing rather than the case: the case's restore, expiry and letters leave it alone.
 */
@Service
public class Measures {

    private final MeasureRepository measures;
    private final Strikes strikes;
    private final Misuse misuse;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<LiftGuard> guards;
    private final MeasureMapper mapper;
    private final EnforcementRepository enforcements;

    Measures(
            MeasureRepository measures,
            Strikes strikes,
            Misuse misuse,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            List<LiftGuard> guards,
            MeasureMapper mapper,
            EnforcementRepository enforcements) {
        this.measures = measures;
        this.strikes = strikes;
        this.misuse = misuse;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.guards = List.copyOf(guards);
        this.mapper = mapper;
        this.enforcements = enforcements;
    }

    /**
     * One measure of each target type for each target, and one of each filter type for the whole case carrying
     * {@code rule} (required when a filter type is planned). {@code intentional}: the moderator found the uploader
     * acted intentionally, which weighs on its standing (DSA Art. 23(3)(d)).
     */
    @Transactional
    public List<MeasureView> plan(
            String caseId,
            String decisionId,
            List<MeasureType> types,
            List<MeasureTarget> targets,
            ScreeningRule rule,
            String actor,
            boolean intentional) {
        return plan(caseId, decisionId, types, targets, rule, actor, intentional, SimilarUploads.REVIEW);
    }

    /**
     * As {@link #plan(String, String, List, List, ScreeningRule, String, boolean)}; a re-upload block also tells
     * screening what to answer for an upload resembling the blocked model ({@code similarUploads}, which the case's
     * jurisdiction profile decides).
     */
    @Transactional
    public List<MeasureView> plan(
            String caseId,
            String decisionId,
            List<MeasureType> types,
            List<MeasureTarget> targets,
            ScreeningRule rule,
            String actor,
            boolean intentional,
            SimilarUploads similarUploads) {
        return plan(
                caseId,
                decisionId,
                types,
                targets,
                rule,
                actor,
                intentional,
                similarUploads,
                MeasureScope.WORLDWIDE_UNTIL_FURTHER_NOTICE);
    }

    /**
     * As {@link #plan(String, String, List, List, ScreeningRule, String, boolean, SimilarUploads)}; every measure
     * restricts within {@code scope} (the countries and the last day the moderator chose).
     */
    @Transactional
    public List<MeasureView> plan(
            String caseId,
            String decisionId,
            List<MeasureType> types,
            List<MeasureTarget> targets,
            ScreeningRule rule,
            String actor,
            boolean intentional,
            SimilarUploads similarUploads,
            MeasureScope scope) {
        Instant now = clock.instant();
        List<Measure> planned = new ArrayList<>();
        for (MeasureType type : types.stream().distinct().toList()) {
            if (type.isFilter()) {
                if (rule == null) {
                    throw new IllegalArgumentException(type + " needs a screening rule");
                }
                planned.add(
                        new Measure(UUID.randomUUID(), caseId, decisionId, type, null, null, write(rule), actor, now));
            } else if (type.needsFileHash()) {
                List<MeasureTarget> hashed =
                        targets.stream().filter(t -> t.sha256() != null).toList();
                if (hashed.isEmpty()) {
                    throw new IllegalArgumentException(type + " needs a target with a file sha256");
                }
                hashed.forEach(target -> planned.add(new Measure(
                                UUID.randomUUID(),
                                caseId,
                                decisionId,
                                type,
                                target.url(),
                                target.accountId(),
                                null,
                                actor,
                                now)
                        .withFileSha256(target.sha256())
                        .withSimilarUploads(target.modelName(), similarUploads)));
            } else {
                targets.forEach(target -> planned.add(new Measure(
                                UUID.randomUUID(),
                                caseId,
                                decisionId,
                                type,
                                target.url(),
                                target.accountId(),
                                null,
                                actor,
                                now)
                        .withExplicitLabel(
                                type == MeasureType.LABEL
                                        ? ExplicitLabel.prescribedFor(target).orElse(null)
                                        : null)));
            }
        }
        planned.forEach(measure -> measure.intentional(intentional).withScope(scope));
        return measures.saveAll(planned).stream().map(this::view).toList();
    }

    /**
     * Puts every planned measure of the case into effect and adds the case's strike to each uploader account it
     * acts against, weighted by the gravest measure; each strike is a finding of manifestly illegal content on that
     * account's standing (DSA Art. 23(1)), which may warn, suspend or terminate it. Returns how many measures are in
     * effect.
     */
    @Transactional
    public int applyPlanned(String caseId) {
        Instant now = clock.instant();
        int inEffect = 0;
        Map<String, MeasureType> gravest = new LinkedHashMap<>();
        Set<String> intentional = new LinkedHashSet<>();
        for (Measure measure : decided(caseId)) {
            if (measure.apply(now, UUID.randomUUID())) {
                measures.flush();
                events.publishEvent(applied(measure));
                if (measure.getAccountId() != null) {
                    gravest.merge(
                            measure.getAccountId(),
                            measure.getType(),
                            (a, b) -> strikes.weightOf(a) >= strikes.weightOf(b) ? a : b);
                    if (measure.isIntentional()) {
                        intentional.add(measure.getAccountId());
                    }
                }
            }
            if (measure.getStatus() == MeasureStatus.APPLIED) {
                inEffect++;
            }
        }
        gravest.forEach((account, type) -> strikes.add(account, caseId, type, now)
                .ifPresent(active -> {
                    Party uploader = Party.uploader(account);
                    misuse.recordMisuse(uploader, caseId, strikes.weightOf(type), intentional.contains(account))
                            .ifPresent(step -> restrictAccount(caseId, account, step, now));
                    events.publishEvent(new StrikeRecorded(
                            UUID.randomUUID(),
                            now,
                            caseId,
                            TakedownEvent.SYSTEM,
                            account,
                            active,
                            misuse.standing(uploader).status().name()));
                }));
        return inEffect;
    }

    /**
     * The strike ladder suspended or terminated the account: the platform is commanded to, by a measure of its own
     * that carries out the standing change. It ends with the standing ({@link #followStanding}), so a suspension
     * restricts until the day it ends; a warning restricts nothing.
     */
    private void restrictAccount(String caseId, String account, StandingChange step, Instant now) {
        MeasureType type =
                switch (step.change()) {
                    case SUSPENDED -> MeasureType.ACCOUNT_SUSPEND;
                    case TERMINATED -> MeasureType.ACCOUNT_TERMINATE;
                    default -> null;
                };
        if (type == null) {
            return;
        }
        LocalDate endsOn = step.until() == null ? null : LocalDate.ofInstant(step.until(), ZoneOffset.UTC);
        Measure measure = new Measure(
                        UUID.randomUUID(),
                        caseId,
                        step.changeId(),
                        type,
                        null,
                        account,
                        null,
                        TakedownEvent.SYSTEM,
                        now)
                .carryingOut(step.changeId())
                .withScope(new MeasureScope(null, endsOn));
        measure.apply(now, UUID.randomUUID());
        measures.saveAndFlush(measure);
        events.publishEvent(applied(measure));
    }

    /**
     * The account's suspension ended (on its date: {@link LiftCause#EXPIRY}; early by a compliance officer:
     * {@link LiftCause#BY_HAND}) or a complaint reversed its suspension or termination ({@link LiftCause#APPEAL}): the
     * account measures carrying it out are lifted and the platform commanded to restore the account; the account is
     * told once the platform confirms ({@link Enforcements}). A restriction no measure carried out (imposed before
     * account measures existed) has nothing to wait for: the account is restored now ({@link AccountRestored}).
     */
    @ApplicationModuleListener
    void followStanding(PartyStandingChanged changed) {
        if (!Party.Kind.UPLOADER.name().equals(changed.partyKind())) {
            return;
        }
        StandingChangeKind change = StandingChangeKind.valueOf(changed.change());
        LiftCause cause =
                switch (change) {
                    case REINSTATED -> LiftCause.EXPIRY;
                    case LIFTED -> LiftCause.BY_HAND;
                    case REVERSED -> LiftCause.APPEAL;
                    default -> null;
                };
        if (cause == null) {
            return;
        }
        Instant now = clock.instant();
        List<Measure> inEffect =
                measures.findByAccountIdAndStatusAndStandingChangeIdIsNotNull(changed.partyId(), MeasureStatus.APPLIED);
        if (inEffect.isEmpty()) {
            events.publishEvent(new AccountRestored(
                    UUID.randomUUID(),
                    now,
                    changed.caseId(),
                    TakedownEvent.SYSTEM,
                    changed.partyId(),
                    changed.changeId(),
                    null));
        }
        // only a reversal ends a termination; a suspension ending leaves it
        inEffect.stream()
                .filter(m -> change == StandingChangeKind.REVERSED || m.getType() == MeasureType.ACCOUNT_SUSPEND)
                .forEach(measure -> lifted(
                        measure.endedBy(changed.changeId()),
                        now,
                        changed.actor(),
                        cause,
                        reasonOf(change, changed.reason())));
    }

    private static String reasonOf(StandingChangeKind change, String reason) {
        return switch (change) {
            case REINSTATED -> "the suspension ended on its date";
            case REVERSED -> reason == null ? "reversed on complaint" : reason;
            default -> reason;
        };
    }

    /**
     * Lifts every applied measure of the case (restoration after a counter-notice, a retraction, a reversed appeal)
     * and removes the case's strikes, since the infringement they counted was not upheld. Returns how many were
     * lifted. A suspension the strikes led to stands: the account may complain about it (DSA Art. 20).
     */
    @Transactional
    public int liftAll(String caseId, String actor, LiftCause cause, String reason) {
        Instant now = clock.instant();
        int lifted = 0;
        Set<String> accounts = new LinkedHashSet<>();
        for (Measure measure : decided(caseId)) {
            if (measure.getStatus() == MeasureStatus.APPLIED && lifted(measure, now, actor, cause, reason)) {
                lifted++;
                if (measure.getAccountId() != null) {
                    accounts.add(measure.getAccountId());
                }
            }
        }
        for (String account : accounts) {
            strikes.remove(account, caseId, now).ifPresent(active -> {
                Party uploader = Party.uploader(account);
                misuse.withdraw(uploader, caseId);
                events.publishEvent(new StrikeRecorded(
                        UUID.randomUUID(),
                        now,
                        caseId,
                        TakedownEvent.SYSTEM,
                        account,
                        active,
                        misuse.standing(uploader).status().name()));
            });
        }
        return lifted;
    }

    /**
     * A model owner's remediation widened the case's filters: each applied filter measure is replaced by one whose
     * rule also matches {@code addedTerms} (the old one is lifted, the new one applied), so screening nodes rebuild
     * from the compacted measures topic alone and the replay suite runs against the new version. Returns the new
     * measures.
     */
    @Transactional
    public List<MeasureView> widenFilters(String caseId, List<String> addedTerms, String actor) {
        Instant now = clock.instant();
        List<MeasureView> replaced = new ArrayList<>();
        for (Measure old : decided(caseId)) {
            if (!old.getType().isFilter() || old.getStatus() != MeasureStatus.APPLIED || old.getRule() == null) {
                continue;
            }
            ScreeningRule rule = rule(old);
            List<String> terms = new ArrayList<>(rule.terms());
            addedTerms.stream().filter(t -> !terms.contains(t)).forEach(terms::add);
            ScreeningRule widened = new ScreeningRule(
                    rule.workTitle(),
                    terms,
                    rule.combinations(),
                    rule.licensees(),
                    rule.imageHashes(),
                    rule.replayPrompts());
            lifted(old, now, actor, LiftCause.SUPERSEDED, "superseded by a model remediation");
            Measure next = new Measure(
                            UUID.randomUUID(),
                            caseId,
                            old.getDecisionId(),
                            old.getType(),
                            null,
                            null,
                            write(widened),
                            actor,
                            now)
                    // the widened filter restricts where and as long as the one it replaces
                    .withScope(old.scope());
            UUID eventId = UUID.randomUUID();
            next.apply(now, eventId);
            measures.saveAndFlush(next);
            events.publishEvent(applied(next));
            replaced.add(view(next));
        }
        return replaced;
    }

    /** A second reviewer overturned the decision: what was planned never takes effect. */
    @Transactional
    public void cancelPlanned(String caseId) {
        measures.deleteByCaseIdAndStatus(caseId, MeasureStatus.PLANNED);
    }

    @Transactional(readOnly = true)
    public int activeStrikes(String accountId) {
        return strikes.active(accountId, clock.instant());
    }

    /**
     * Ends a measure by hand; screening nodes and enforcement adapters restore on {@link MeasureLifted}.
     *
     * @throws LiftRefusedException a {@link LiftGuard} knows why the measure must stay for now, or the measure
     *                              carries out the account's standing, which ends it
     */
    @Transactional
    public MeasureView lift(String measureId, String actor, String reason) {
        Measure measure = load(measureId);
        if (!measure.isDecided() && measure.getStatus() == MeasureStatus.APPLIED) {
            // lifted alone, the platform would restore an account the standing still has suspended
            throw new LiftRefusedException("measure " + measureId + " carries out the account's "
                    + (measure.getType() == MeasureType.ACCOUNT_SUSPEND ? "suspension" : "termination")
                    + " (standing change " + measure.getStandingChangeId()
                    + "): it ends with the account's standing, when a suspension ends or is lifted early, or when a"
                    + " complaint reverses it");
        }
        if (measure.getStatus() == MeasureStatus.APPLIED) {
            for (LiftGuard guard : guards) {
                guard.refusal(measure.getCaseId()).ifPresent(refusal -> {
                    throw new LiftRefusedException(refusal);
                });
            }
        }
        lifted(measure, clock.instant(), actor, LiftCause.BY_HAND, reason);
        return view(measure);
    }

    /**
     * Lifts the measures in effect whose last day has passed (the end the moderator chose); their strikes stay, since
     * the infringement they counted was upheld. Returns how many were lifted, at most 100 per call.
     */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int expired = 0;
        for (Measure measure : measures.findTop100ByStatusAndStandingChangeIdIsNullAndEndsOnBeforeOrderByEndsOn(
                MeasureStatus.APPLIED, today)) {
            if (lifted(measure, now, TakedownEvent.SYSTEM, LiftCause.EXPIRY, "its last day has passed")) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * A record about the measure older than its last change, sent after that change (an outbox row resubmitted late),
     * is now the value compaction keeps for its key. Publishes the last change again, unchanged (same event id and
     * version, so the ledger and the consumers that saw it recognise it), to be the last record again. Only a lift can
     * be overtaken: the applied record is a measure's first. An older record sent before the lift (the original
     * applied record, read again from the log) is left alone. Returns whether it published.
     *
     * @param sentAt when the older record was produced (its Kafka timestamp)
     */
    @Transactional
    public boolean restate(String measureId, long staleVersion, Instant sentAt) {
        Optional<Measure> found;
        try {
            found = measures.findById(UUID.fromString(measureId));
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
        return found.filter(measure -> measure.getStatus() == MeasureStatus.LIFTED
                        && measure.getLastEventId() != null
                        && measure.getVersion() > staleVersion
                        && sentAt.isAfter(measure.getLiftedAt()))
                .map(measure -> {
                    events.publishEvent(lifted(measure, measure.getLastEventId()));
                    return true;
                })
                .orElse(false);
    }

    /**
     * Publishes the measure's last record again, unchanged (same event id and version), when it still is the record of
     * {@code version}: the platform is asked once more to carry out that command. False when the measure changed
     * since.
     */
    @Transactional
    public boolean publishAgain(String measureId, long version) {
        Measure measure = load(measureId);
        if (measure.getVersion() != version || measure.getLastEventId() == null) {
            return false;
        }
        switch (measure.getStatus()) {
            case APPLIED -> events.publishEvent(applied(measure));
            case LIFTED -> events.publishEvent(lifted(measure, measure.getLastEventId()));
            case PLANNED -> {
                return false;
            }
        }
        return true;
    }

    /** Lifts the measure and publishes the lift with the version of this change; false when it already was lifted. */
    private boolean lifted(Measure measure, Instant now, String actor, LiftCause cause, String reason) {
        UUID eventId = UUID.randomUUID();
        if (!measure.lift(now, actor, cause, reason, eventId)) {
            return false;
        }
        measures.flush();
        events.publishEvent(lifted(measure, eventId));
        return true;
    }

    /** The measure's applied record as first published: its event id and time are the ones the application kept. */
    private MeasureApplied applied(Measure measure) {
        return new MeasureApplied(
                measure.getLastEventId(),
                measure.getAppliedAt(),
                measure.getCaseId(),
                measure.getPlannedBy(),
                measure.getId().toString(),
                measure.getType().name(),
                measure.getTargetUrl(),
                rule(measure),
                measure.fileSha256(),
                measure.getVersion(),
                labelTexts(measure),
                measure.modelName(),
                measure.similarUploads(),
                measure.scope().countries(),
                measure.scope().endsOn(),
                accountOf(measure),
                measure.getStandingChangeId());
    }

    private static MeasureLifted lifted(Measure measure, UUID eventId) {
        return new MeasureLifted(
                eventId,
                measure.getLiftedAt(),
                measure.getCaseId(),
                measure.getLiftedBy(),
                measure.getId().toString(),
                measure.getLiftReason(),
                measure.getVersion(),
                measure.getLiftCause() == null ? null : measure.getLiftCause().name(),
                measure.getType().name(),
                measure.getTargetUrl(),
                accountOf(measure),
                measure.getStandingChangeId());
    }

    /** The account an account measure acts on: the platform needs it; for content measures it stays with us. */
    private static String accountOf(Measure measure) {
        return measure.getType().actsOnAccount() ? measure.getAccountId() : null;
    }

    /** The measures the decisions on the case imposed, in the order they were planned. */
    @Transactional(readOnly = true)
    public List<MeasureView> forCase(String caseId) {
        return decided(caseId).stream().map(this::view).toList();
    }

    /** The account suspensions and terminations the case's finding led to (DSA Art. 23), oldest first. */
    @Transactional(readOnly = true)
    public List<MeasureView> onAccountsAfter(String caseId) {
        return measures.findByCaseIdOrderByPlannedAt(caseId).stream()
                .filter(m -> !m.isDecided())
                .map(this::view)
                .toList();
    }

    /** The case's measures that its decisions imposed; the account measures of the standing follow that instead. */
    private List<Measure> decided(String caseId) {
        return measures.findByCaseIdOrderByPlannedAt(caseId).stream()
                .filter(Measure::isDecided)
                .toList();
    }

    /**
     * Where and how long the case's measures in effect restrict, taken together ({@link MeasureScope#widest}); empty
     * when none is in effect.
     */
    @Transactional(readOnly = true)
    public Optional<MeasureScope> scopeInEffect(String caseId) {
        List<MeasureScope> scopes = decided(caseId).stream()
                .filter(m -> m.getStatus() == MeasureStatus.APPLIED)
                .map(Measure::scope)
                .toList();
        return scopes.isEmpty() ? Optional.empty() : Optional.of(MeasureScope.widest(scopes));
    }

    /** Each measure of the case with its scope and, once lifted, the cause, in the order they were planned. */
    @Transactional(readOnly = true)
    public List<MeasureRestriction> restrictions(String caseId) {
        return decided(caseId).stream()
                .map(m -> new MeasureRestriction(
                        m.getId().toString(),
                        m.getType(),
                        m.getTargetUrl(),
                        m.getStatus(),
                        m.scope(),
                        m.getLiftCause()))
                .toList();
    }

    @Transactional(readOnly = true)
    public MeasureView find(String measureId) {
        return view(load(measureId));
    }

    private Measure load(String measureId) {
        try {
            return measures.findById(UUID.fromString(measureId))
                    .orElseThrow(() -> new MeasureNotFoundException(measureId));
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            throw new MeasureNotFoundException(measureId);
        }
    }

    private MeasureView view(Measure measure) {
        return mapper.view(
                measure, rule(measure), enforcements.findById(measure.getId()).orElse(null));
    }

    private static Map<String, String> labelTexts(Measure measure) {
        return measure.explicitLabel() == null ? null : measure.explicitLabel().texts();
    }

    private ScreeningRule rule(Measure measure) {
        try {
            return measure.getRule() == null ? null : json.readValue(measure.getRule(), ScreeningRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule of measure " + measure.getId() + " is unreadable", e);
        }
    }

    private String write(ScreeningRule rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
