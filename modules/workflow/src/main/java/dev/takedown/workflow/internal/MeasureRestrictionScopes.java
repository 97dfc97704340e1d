package dev.takedown.workflow.internal;

import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.Measures;
import dev.takedown.notices.RestrictionScopes;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The statement of reasons reads where and how long a case restricts from its measures. */
@Component
class MeasureRestrictionScopes implements RestrictionScopes {

    private final Measures measures;

    MeasureRestrictionScopes(Measures measures) {
        this.measures = measures;
    }

    @Override
    public Optional<Scope> inEffect(String caseId) {
        return measures.scopeInEffect(caseId).map(scope -> new Scope(scope.countries(), scope.endsOn()));
    }

    @Override
    public List<Restriction> measures(String caseId) {
        return measures.restrictions(caseId).stream()
                .map(m -> new Restriction(
                        m.type().name(),
                        m.targetUrl(),
                        new Scope(m.scope().countries(), m.scope().endsOn()),
                        m.status() == MeasureStatus.APPLIED,
                        m.liftCause()))
                .toList();
    }
}
