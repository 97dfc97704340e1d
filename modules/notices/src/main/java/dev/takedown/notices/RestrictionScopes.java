package dev.takedown.notices;

import dev.takedown.events.LiftCause;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where and for how long a case's measures restrict, for the statement of reasons (DSA Art. 17(3)(a)). The measures
 * record it; the workflow, which sees both modules, provides it.
 */
public interface RestrictionScopes {

    /** The reach of the case's measures in effect together; empty when none is. */
    Optional<Scope> inEffect(String caseId);

    /** Every measure of the case, planned, in effect or lifted, in the order planned. */
    List<Restriction> measures(String caseId);

    /**
     * @param countries ISO 3166-1 alpha-2 codes; empty = worldwide
     * @param endsOn    the last day the measures apply; null = until further notice
     */
    record Scope(List<String> countries, LocalDate endsOn) {

        public static final Scope WORLDWIDE_UNTIL_FURTHER_NOTICE = new Scope(List.of(), null);

        public Scope {
            countries = List.copyOf(countries);
        }
    }

    /**
     * One measure of the case.
     *
     * @param measure   its type ({@code MeasureType} name)
     * @param target    the content it acts on; null for a filter
     * @param inEffect  whether it restricts now
     * @param liftCause why it stopped restricting; null while it has not
     */
    record Restriction(String measure, String target, Scope scope, boolean inEffect, LiftCause liftCause) {}
}
