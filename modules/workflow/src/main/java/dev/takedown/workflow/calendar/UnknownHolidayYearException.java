package dev.takedown.workflow.calendar;

/**
 * A computation needed a year the holiday table does not hold. Thrown rather than guessing weekends-only, because
 * a legal period computed without the year's schedule may end on a day off or skip a make-up working day.
 */
public class UnknownHolidayYearException extends IllegalStateException {

    private final int year;

    UnknownHolidayYearException(int year, String property, String resource) {
        super("No holiday schedule for " + year + ": add " + property + " to " + resource
                + " from the official schedule before computing periods that reach that year");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
