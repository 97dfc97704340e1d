package dev.takedown.misuse;

import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.TakedownEvent;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.misuse.internal.Ladder;
import dev.takedown.misuse.internal.StandingLedger;
import dev.takedown.misuse.internal.StandingLedger.FactKind;
import dev.takedown.misuse.internal.StandingLedger.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where parties stand under DSA Art. 23. Callers report what a party did ({@link #recordActivity}) and what a
 * moderator found ({@link #recordMisuse}); each finding is weighed by {@link MisuseRule} and may warn, suspend or
 * (an uploader account) terminate. Every change is stored with its weighing and published as
 * {@link PartyStandingChanged}, which the notices module turns into the message to the party. A suspension ends by
 * itself ({@link #reinstateDue}) or early by a compliance officer with reasons ({@link #lift}); a complaint decided in
 * the party's favour (DSA Art. 20(1)(c)) reverses a suspension or a termination ({@link #reverse}).
 */
@Service
public class Misuse {

    private static final int MAX_REASON = 2000;
    private static final Set<StandingChangeKind> RESTRICTIONS =
            EnumSet.of(StandingChangeKind.SUSPENDED, StandingChangeKind.TERMINATED);

    private final StandingLedger ledger;
    private final MisusePolicy notifiers;
    private final StrikeLadder uploaders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int timeCompression;

    Misuse(
            StandingLedger ledger,
            MisusePolicy notifiers,
            StrikeLadder uploaders,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${takedown.time-compression:1}") int timeCompression) {
        this.ledger = ledger;
        this.notifiers = notifiers;
        this.uploaders = uploaders;
        this.events = events;
        this.clock = clock;
        this.timeCompression = Math.max(1, timeCompression);
    }

    /**
     * Something the party did that a finding may later concern: a notice it filed, or (an uploader) a notice naming
     * its content. The proportion of Art. 23(3)(b) is taken over these. Recorded once per case.
     */
    @Transactional
    public void recordActivity(Party party, String caseId) {
        ledger.record(party, caseId, FactKind.ACTIVITY, 0, false, clock.instant());
    }

    /**
     * A moderator found the party's notice manifestly unfounded, or its content manifestly illegal. Returns the step
     * this finding led to, if any; a finding on a case already counted changes nothing.
     *
     * @param gravity     the finding's weight (a notifier's: {@link #claimGravity}; an uploader's: its strike weight)
     * @param intentional a moderator found the misuse intentional (Art. 23(3)(d))
     */
    @Transactional
    public Optional<StandingChange> recordMisuse(Party party, String caseId, int gravity, boolean intentional) {
        Instant now = clock.instant();
        ledger.lock(party);
        if (!ledger.record(party, caseId, FactKind.MISUSE, gravity, intentional, now)) {
            return Optional.empty();
        }
        ledger.record(party, caseId, FactKind.ACTIVITY, 0, false, now);
        MisuseRule rule = rule(party.kind());
        Row row = current(party, now);
        Instant from = now.minus(rule.window());
        Assessment assessment = Ladder.assess(
                rule,
                ledger.findingsAfter(party, from),
                ledger.activityAfter(party, from),
                ledger.lastStep(party).orElse(null));
        if (!Ladder.warrantsAStep(rule, assessment)) {
            return Optional.empty();
        }
        return Ladder.next(row.status(), row.suspensions(), rule)
                .map(next -> step(row, next, caseId, assessment, rule, now));
    }

    /**
     * The finding on that case no longer holds (the decision was reversed, the measures lifted): it stops counting.
     * A step it contributed to stands; the party can complain about that step. True when a finding was withdrawn.
     */
    @Transactional
    public boolean withdraw(Party party, String caseId) {
        return ledger.withdraw(party, caseId, clock.instant());
    }

    /** The weight of a manifestly unfounded notice that claimed {@code rightType} ({@code takedown.misuse.gravity}). */
    public int claimGravity(String rightType) {
        return notifiers.gravityOf(rightType);
    }

    @Transactional(readOnly = true)
    public Standing standing(Party party) {
        return ledger.find(party).map(row -> effective(row, clock.instant())).orElseGet(() -> Standing.good(party));
    }

    /** Parties not in good standing (or only those in {@code status}), the most recent change first. */
    @Transactional(readOnly = true)
    public List<Standing> standings(StandingStatus status) {
        Instant now = clock.instant();
        List<StandingStatus> stored = status == null || status == StandingStatus.WARNED
                ? List.of(StandingStatus.WARNED, StandingStatus.SUSPENDED, StandingStatus.TERMINATED)
                : List.of(status);
        return ledger.withStatus(stored).stream()
                .map(row -> effective(row, now))
                .filter(s -> status == null ? s.status() != StandingStatus.GOOD_STANDING : s.status() == status)
                .toList();
    }

    /** Every change of the party's standing, oldest first. */
    @Transactional(readOnly = true)
    public List<StandingChange> history(Party party) {
        return ledger.changesOf(party);
    }

    /** The changes a case's findings led to, and the reinstatements, lifts and reversals that ended them. */
    @Transactional(readOnly = true)
    public List<StandingChange> changesOnCase(String caseId) {
        return ledger.changesOnCase(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<StandingChange> change(String changeId) {
        return ledger.change(changeId);
    }

    /**
     * Ends a suspension before its end date, with reasons the party is told. The party is back to warned.
     *
     * @throws StandingChangeNotFoundException no such change
     * @throws NotSuspendedException           the change is not the suspension in force
     * @throws InvalidLiftException            no reasons, or too long
     */
    @Transactional
    public StandingChange lift(String suspensionId, String reason, String actor) {
        requireReasons(reason, "the party is owed the reasons for lifting its suspension");
        StandingChange suspension =
                ledger.change(suspensionId).orElseThrow(() -> new StandingChangeNotFoundException(suspensionId));
        Instant now = clock.instant();
        ledger.lock(suspension.party());
        Row row = ledger.find(suspension.party()).orElseThrow();
        if (suspension.change() != StandingChangeKind.SUSPENDED || !inForce(suspension, row, now)) {
            throw new NotSuspendedException("change " + suspensionId + " is not a suspension in force");
        }
        return end(row, StandingChangeKind.LIFTED, actor, reason.strip(), row.suspensions(), now);
    }

    /**
     * A complaint against the suspension or termination {@code changeId} (DSA Art. 20(1)(c)) was decided in the
     * party's favour: it ends now, recorded as {@link StandingChangeKind#REVERSED} with the reasons. The party is
     * back to warned (the warning stays on record). A reversed suspension no longer counts towards termination; a
     * reversed termination leaves the suspensions before it counted, as they were not reversed.
     *
     * @throws StandingChangeNotFoundException no such change
     * @throws NotInForceException             the change is not the suspension or termination in force
     * @throws InvalidLiftException            no reasons, or too long
     */
    @Transactional
    public StandingChange reverse(String changeId, String reason) {
        requireReasons(reason, "the party is owed the reasons for reversing its suspension or termination");
        StandingChange restriction =
                ledger.change(changeId).orElseThrow(() -> new StandingChangeNotFoundException(changeId));
        Instant now = clock.instant();
        ledger.lock(restriction.party());
        Row row = ledger.find(restriction.party()).orElseThrow();
        if (!RESTRICTIONS.contains(restriction.change()) || !inForce(restriction, row, now)) {
            throw new NotInForceException("change " + changeId + " is not a suspension or termination in force");
        }
        int suspensions = row.suspensions() - (restriction.change() == StandingChangeKind.SUSPENDED ? 1 : 0);
        return end(row, StandingChangeKind.REVERSED, TakedownEvent.SYSTEM, reason.strip(), suspensions, now);
    }

    /**
     * The suspension or termination a {@link StandingChangeKind#REVERSED} change ended: the party's last one before
     * it, since only the restriction in force is reversed. Empty for any other change.
     */
    @Transactional(readOnly = true)
    public Optional<StandingChange> reversed(String reversalId) {
        return ledger.change(reversalId)
                .filter(change -> change.change() == StandingChangeKind.REVERSED)
                .flatMap(reversal -> ledger.changesOf(reversal.party()).stream()
                        .filter(change -> RESTRICTIONS.contains(change.change())
                                && !change.at().isAfter(reversal.at()))
                        .reduce((earlier, later) -> later));
    }

    /** Reinstates every party whose suspension has ended (the scheduled job calls this); returns how many. */
    @Transactional
    public int reinstateDue() {
        Instant now = clock.instant();
        List<Row> due = ledger.suspendedUntil(now, 100);
        due.forEach(row -> end(row, StandingChangeKind.REINSTATED, TakedownEvent.SYSTEM, null, row.suspensions(), now));
        return due.size();
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void requireReasons(String reason, String owed) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", owed));
        }
        TextBounds.requireWithin("reason", reason, MAX_REASON, problems);
        if (!problems.isEmpty()) {
            throw new InvalidLiftException(problems);
        }
    }

    /** The change is the party's standing now: the suspension not yet at its end, or the termination. */
    private static boolean inForce(StandingChange change, Row row, Instant now) {
        if (!row.changeId().equals(change.changeId())) {
            return false;
        }
        return switch (change.change()) {
            case SUSPENDED ->
                row.status() == StandingStatus.SUSPENDED && row.until().isAfter(now);
            case TERMINATED -> row.status() == StandingStatus.TERMINATED;
            default -> false;
        };
    }

    private MisuseRule rule(Party.Kind kind) {
        return kind == Party.Kind.NOTIFIER ? notifiers.rule() : uploaders.rule();
    }

    /** The stored standing, with a suspension that ended reinstated first, so the ladder goes on from there. */
    private Row current(Party party, Instant now) {
        Optional<Row> stored = ledger.find(party);
        if (stored.isEmpty()) {
            return new Row(party, StandingStatus.GOOD_STANDING, null, null, null, null, 0);
        }
        Row row = stored.get();
        if (row.status() == StandingStatus.SUSPENDED && !row.until().isAfter(now)) {
            end(row, StandingChangeKind.REINSTATED, TakedownEvent.SYSTEM, null, row.suspensions(), now);
            row = ledger.find(party).orElseThrow();
        }
        if (lapsed(row, now)) {
            return new Row(party, StandingStatus.GOOD_STANDING, row.since(), null, row.caseId(), row.changeId(), 0);
        }
        return row;
    }

    /** A warning older than the window no longer counts as the prior warning: the next step warns again. */
    private boolean lapsed(Row row, Instant now) {
        return row.status() == StandingStatus.WARNED
                && !row.since().isAfter(now.minus(rule(row.party().kind()).window()));
    }

    private Standing effective(Row row, Instant now) {
        if (row.status() == StandingStatus.SUSPENDED && !row.until().isAfter(now)) {
            return new Standing(row.party(), StandingStatus.WARNED, row.until(), null, row.caseId(), row.changeId());
        }
        if (lapsed(row, now)) {
            return new Standing(
                    row.party(), StandingStatus.GOOD_STANDING, row.since(), null, row.caseId(), row.changeId());
        }
        return new Standing(row.party(), row.status(), row.since(), row.until(), row.caseId(), row.changeId());
    }

    private StandingChange step(
            Row row, StandingChangeKind next, String caseId, Assessment assessment, MisuseRule rule, Instant now) {
        String changeId = UUID.randomUUID().toString();
        Instant until = next == StandingChangeKind.SUSPENDED ? now.plus(compressed(rule.suspension())) : null;
        StandingStatus status =
                switch (next) {
                    case WARNED -> StandingStatus.WARNED;
                    case SUSPENDED -> StandingStatus.SUSPENDED;
                    default -> StandingStatus.TERMINATED;
                };
        int suspensions = row.suspensions() + (next == StandingChangeKind.SUSPENDED ? 1 : 0);
        ledger.save(new Row(row.party(), status, now, until, caseId, changeId, suspensions));
        return publish(new StandingChange(
                changeId, row.party(), next, now, until, caseId, TakedownEvent.SYSTEM, assessment, null));
    }

    /**
     * A suspension ends (by itself, lifted or reversed) or a termination is reversed: the party is warned (the warning
     * stays on record).
     */
    private StandingChange end(
            Row row, StandingChangeKind change, String actor, String reason, int suspensions, Instant now) {
        String changeId = UUID.randomUUID().toString();
        ledger.save(new Row(row.party(), StandingStatus.WARNED, now, null, row.caseId(), changeId, suspensions));
        return publish(new StandingChange(changeId, row.party(), change, now, null, row.caseId(), actor, null, reason));
    }

    private StandingChange publish(StandingChange change) {
        ledger.append(change);
        Assessment a = change.assessment();
        events.publishEvent(new PartyStandingChanged(
                UUID.randomUUID(),
                change.at(),
                change.caseId(),
                change.actor(),
                change.changeId(),
                change.party().kind().name(),
                change.party().id(),
                change.change().name(),
                change.until(),
                a == null ? 0 : a.misuseCount(),
                a == null ? 0 : a.windowMisuse(),
                a == null ? 0 : a.totalCount(),
                a == null ? 0 : a.weightedScore(),
                a == null ? 0 : a.threshold(),
                a == null ? 0 : a.intentional(),
                a == null ? null : a.window().toString(),
                change.reason()));
        return change;
    }

    /** Demo only: suspensions pass {@code takedown.time-compression} times faster. */
    private Duration compressed(Duration period) {
        return period.dividedBy(timeCompression);
    }
}
