package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;

/**
 * Review speed per UTC day against the target: a first-instance decision breaches when it came later than
 * {@code targetHours} after the notice. {@code days} holds every day of the range, empty ones included, so charts have
 * no gaps. Times are hours, null on days with nothing to time.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SlaDashboard(
        LocalDate from, LocalDate to, double targetHours, long decisions, long breaches, List<Day> days) {

    /**
     * @param decisions first-instance decisions taken that day
     * @param measures  cases whose first measure was published that day
     * @param removals  cases whose first measure the platform confirmed in effect that day (by its clock): the time
     *                  to removal is from the notice to that confirmation, not to Takedown's publication
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Day(
            LocalDate day,
            long decisions,
            Double medianHoursToDecision,
            Double p90HoursToDecision,
            long breaches,
            long measures,
            Double medianHoursToMeasure,
            Double p90HoursToMeasure,
            long removals,
            Double medianHoursToRemoval,
            Double p90HoursToRemoval) {}
}
