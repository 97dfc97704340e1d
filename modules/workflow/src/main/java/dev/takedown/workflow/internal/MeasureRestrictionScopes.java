package dev.takedown.workflow.internal;

import dev.takedown.measures.Measures;
import dev.takedown.notices.RestrictionScopes;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The statement of reasons reads where and how long a case restricts from its measures in effect. */
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
}
