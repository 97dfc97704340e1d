package dev.takedown.measures;

import dev.takedown.events.AccountRestored;
import dev.takedown.events.CaseLiftsEnforced;
import dev.takedown.events.CaseMeasuresEnforced;
import dev.takedown.events.EnforcementFailed;
import dev.takedown.events.EnforcementRecorded;
import dev.takedown.events.EnforcementResult;
import dev.takedown.events.LiftEnforced;
import dev.takedown.events.MeasureEnforced;
import dev.takedown.measures.internal.Enforcement;
import dev.takedown.measures.internal.EnforcementRepository;
import dev.takedown.measures.internal.Measure;
import dev.takedown.measures.internal.MeasureRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform answered to the measures' commands. An answer counts only for the command it names: a measure of
 * ours, the version of its last command (an answer to an older version, say to the application after the lift was
 * sent, confirms nothing) and the kind of that command (a lift is confirmed by {@link LiftEnforced} only). The same
 * answer twice is recorded once. A filter is confirmed by the screening nodes ({@link ScreeningConfirmations}), every
 * other measure by the platform. The confirmation of a case's last measure (or last lift) is a fact of the case
 * ({@link CaseMeasuresEnforced}, {@link CaseLiftsEnforced}): only then is its content removed (or restored). The
 * confirmed lift of an account measure whose suspension or termination ended restores the account
 * ({@link AccountRestored}).
 */
@Service
public class Enforcements {

    private final MeasureRepository measures;
    private final EnforcementRepository enforcements;
    private final Measures commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Enforcements(
            MeasureRepository measures,
            EnforcementRepository enforcements,
            Measures commands,
            ApplicationEventPublisher events,
            Clock clock) {
        this.measures = measures;
        this.enforcements = enforcements;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a platform's answer and tells the case and the enforcement process ({@link EnforcementRecorded}); the
     * confirmation that completes the case's measures or lifts is told as well.
     *
     * @param principal who signed it, {@code kafka-org:<platform>}
     * @return the recorded fact; empty when the same answer was recorded before
     * @throws AcknowledgementRefusedException the answer confirms nothing we asked
     */
    @Transactional
    public Optional<EnforcementRecorded> record(EnforcementResult result, String principal) {
        if (result.measureId() == null || result.version() == null || result.at() == null) {
            throw new AcknowledgementRefusedException("an answer needs measureId, version and the platform's time");
        }
        Measure measure = measure(result.measureId())
                .orElseThrow(() -> new AcknowledgementRefusedException(
                        "no measure " + quoted(result.measureId()) + " was ever requested"));
        // a filter acts in the screening index: the screening nodes confirm it, the platform cannot
        if (measure.getType().isFilter() != ScreeningConfirmations.PRINCIPAL.equals(principal)) {
            throw new AcknowledgementRefusedException("measure " + measure.getId() + " is "
                    + (measure.getType().isFilter()
                            ? "a filter: the screening nodes confirm it, not the platform"
                            : "no filter: the platform confirms it"));
        }
        // answers to two measures of one case, recorded at once (two nodes, two partitions), would each see the
        // other's measure unconfirmed, and neither would tell the case that all are: one case's answers wait in turn
        measures.lockCase("measures:" + measure.getCaseId());
        Enforcement enforcement = enforcements
                .findById(measure.getId())
                .orElseThrow(() -> new AcknowledgementRefusedException(
                        "measure " + measure.getId() + " was never requested from the platform"));
        if (result.version() != enforcement.getCommandVersion()) {
            throw new AcknowledgementRefusedException("the answer is to version " + result.version() + " of measure "
                    + measure.getId() + ", whose last command is version " + enforcement.getCommandVersion());
        }
        boolean lift = enforcement.isLift();
        if (result instanceof MeasureEnforced && lift || result instanceof LiftEnforced && !lift) {
            throw new AcknowledgementRefusedException("version " + result.version() + " of measure " + measure.getId()
                    + " is " + (lift ? "a lift" : "a measure") + ", not what "
                    + result.getClass().getSimpleName() + " confirms");
        }
        Instant now = clock.instant();
        // as precise as the database keeps it, so that the measure, the history and the ledger show the same time
        Instant platformAt = result.at().truncatedTo(ChronoUnit.MICROS);
        EnforcementRecorded.Outcome outcome;
        String failure = null;
        if (result instanceof MeasureEnforced) {
            if (enforcement.getState() == EnforcementStatus.ENFORCED) {
                return Optional.empty();
            }
            enforcement.enforced(platformAt, principal, now);
            outcome = EnforcementRecorded.Outcome.ENFORCED;
        } else if (result instanceof LiftEnforced) {
            if (enforcement.getState() == EnforcementStatus.LIFT_ENFORCED) {
                return Optional.empty();
            }
            enforcement.liftEnforced(platformAt, principal, now);
            outcome = EnforcementRecorded.Outcome.LIFT_ENFORCED;
        } else {
            EnforcementFailed failed = (EnforcementFailed) result;
            if (failed.reason() == null) {
                throw new AcknowledgementRefusedException("a failure needs its reason");
            }
            if (enforcement.getState().isConfirmed()) {
                throw new AcknowledgementRefusedException("version " + result.version() + " of measure "
                        + measure.getId() + " was confirmed before; a failure cannot undo that");
            }
            enforcement.failed(failed.reason(), bounded(failed.detail()), principal, now);
            outcome = EnforcementRecorded.Outcome.FAILED;
            failure = failed.reason().name();
        }
        enforcements.save(enforcement);
        EnforcementRecorded recorded = new EnforcementRecorded(
                UUID.randomUUID(),
                now,
                measure.getCaseId(),
                principal,
                measure.getId().toString(),
                measure.getType().name(),
                measure.getTargetUrl(),
                result.version(),
                outcome,
                failure,
                platformAt);
        events.publishEvent(recorded);
        if (!measure.isDecided()) {
            // an account measure of the standing says nothing about the case's content; its confirmed lift restores
            // the account
            if (outcome == EnforcementRecorded.Outcome.LIFT_ENFORCED && measure.getEndedByChangeId() != null) {
                events.publishEvent(new AccountRestored(
                        UUID.randomUUID(),
                        now,
                        measure.getCaseId(),
                        principal,
                        measure.getAccountId(),
                        measure.getEndedByChangeId(),
                        platformAt));
            }
        } else if (outcome == EnforcementRecorded.Outcome.ENFORCED) {
            removal(measure.getCaseId())
                    .ifPresent(settled -> events.publishEvent(new CaseMeasuresEnforced(
                            UUID.randomUUID(), now, measure.getCaseId(), principal, settled.measures(), settled.at())));
        } else if (outcome == EnforcementRecorded.Outcome.LIFT_ENFORCED) {
            restoration(measure.getCaseId())
                    .ifPresent(settled -> events.publishEvent(new CaseLiftsEnforced(
                            UUID.randomUUID(), now, measure.getCaseId(), principal, settled.measures(), settled.at())));
        }
        return Optional.of(recorded);
    }

    /**
     * Whether the platform confirmed every measure of the case in effect (true when none is): until then the case's
     * content is not removed.
     */
    @Transactional(readOnly = true)
    public boolean removalConfirmed(String caseId) {
        return settled(caseId, MeasureStatus.APPLIED, EnforcementStatus.ENFORCED, Enforcement::getEnforcedAt)
                .isPresent();
    }

    /**
     * When the platform confirmed the last of the case's measures in effect, by its clock; empty while one is
     * unconfirmed or when none is in effect.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> removedAt(String caseId) {
        return removal(caseId).map(Settled::at);
    }

    /**
     * Whether the platform confirmed every lift of the case's measures, with none left in effect (true when nothing
     * was lifted): until then the case's content is not restored.
     */
    @Transactional(readOnly = true)
    public boolean restorationConfirmed(String caseId) {
        return settled(caseId, MeasureStatus.LIFTED, EnforcementStatus.LIFT_ENFORCED, Enforcement::getLiftEnforcedAt)
                .isPresent();
    }

    /** When the platform confirmed the last lift of the case's measures, by its clock; empty until it has. */
    @Transactional(readOnly = true)
    public Optional<Instant> restoredAt(String caseId) {
        return restoration(caseId).map(Settled::at);
    }

    private Optional<Settled> removal(String caseId) {
        return settled(caseId, MeasureStatus.APPLIED, EnforcementStatus.ENFORCED, Enforcement::getEnforcedAt)
                .filter(settled -> settled.at() != null);
    }

    private Optional<Settled> restoration(String caseId) {
        return settled(caseId, MeasureStatus.LIFTED, EnforcementStatus.LIFT_ENFORCED, Enforcement::getLiftEnforcedAt)
                .filter(settled -> settled.at() != null);
    }

    /**
     * The case's measures in {@code status}, each confirmed by the platform ({@code confirmed}, to the command of the
     * measure's present version), and the latest confirmation; empty while one is not. A lift is settled only when no
     * measure is still in effect (a filter replaced by a wider one is lifted while its successor applies).
     */
    private Optional<Settled> settled(
            String caseId, MeasureStatus status, EnforcementStatus confirmed, Function<Enforcement, Instant> at) {
        // an account suspension the case's strike led to follows the account's standing, not the case's content
        List<Measure> ofCase = measures.findByCaseIdOrderByPlannedAt(caseId).stream()
                .filter(Measure::isDecided)
                .toList();
        if (status == MeasureStatus.LIFTED && ofCase.stream().anyMatch(m -> m.getStatus() == MeasureStatus.APPLIED)) {
            return Optional.empty();
        }
        List<Measure> concerned =
                ofCase.stream().filter(m -> m.getStatus() == status).toList();
        Map<UUID, Enforcement> answers =
                enforcements.findAllById(concerned.stream().map(Measure::getId).toList()).stream()
                        .collect(Collectors.toMap(Enforcement::getMeasureId, Function.identity()));
        Instant latest = null;
        int commanded = 0;
        for (Measure measure : concerned) {
            Enforcement answer = answers.get(measure.getId());
            if (answer == null) {
                // applied or lifted before the platform was asked to confirm anything: nothing to wait for
                continue;
            }
            if (answer.getState() != confirmed || answer.getCommandVersion() != measure.getVersion()) {
                return Optional.empty();
            }
            commanded++;
            Instant confirmedAt = at.apply(answer);
            latest = latest == null || confirmedAt.isAfter(latest) ? confirmedAt : latest;
        }
        return Optional.of(new Settled(commanded, latest));
    }

    /** How many measures the platform confirmed and when it confirmed the last ({@code null} for none). */
    private record Settled(int measures, Instant at) {}

    /** Whether the platform confirmed the command of this version (the measure, or its lift). */
    @Transactional(readOnly = true)
    public boolean confirmed(String measureId, long version) {
        return enforcement(measureId)
                .filter(e -> e.getCommandVersion() == version && e.getState().isConfirmed())
                .isPresent();
    }

    /**
     * Sends the command of this version again after a passing failure; false (nothing sent) when the measure changed
     * since, which the newer command's enforcement follows.
     */
    @Transactional
    public boolean requestAgain(String measureId, long version) {
        Optional<Enforcement> found = enforcement(measureId)
                .filter(e -> e.getCommandVersion() == version && !e.getState().isConfirmed());
        if (found.isEmpty() || !commands.publishAgain(measureId, version)) {
            return false;
        }
        found.get().sentAgain();
        return true;
    }

    /** The platform did not confirm the command of this version in time; nothing changes for a newer one. */
    @Transactional
    public void overdue(String measureId, long version) {
        enforcement(measureId).filter(e -> e.getCommandVersion() == version).ifPresent(Enforcement::overdue);
    }

    private Optional<Enforcement> enforcement(String measureId) {
        return measure(measureId).flatMap(m -> enforcements.findById(m.getId()));
    }

    private Optional<Measure> measure(String measureId) {
        try {
            return measures.findById(UUID.fromString(measureId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static String bounded(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
    }

    private static String quoted(String value) {
        String printable = value.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .limit(80)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "'" + printable + "'";
    }
}
