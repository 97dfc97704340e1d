package dev.takedown.misuse;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;

/**
 * The weighing behind a warning, suspension or termination (DSA Art. 23(3)): (a) the absolute number of findings,
 * (b) their proportion of everything the party did in the window, (c) their gravity and (d) intent.
 *
 * @param misuseCount   findings counted for this step (those since the party's last step, within the window)
 * @param totalCount    the party's notices (an uploader's: notices naming its content) within the window
 * @param windowMisuse  findings within the whole window, over which the proportion is taken
 * @param weightedScore the counted findings weighted by gravity, intentional ones times the intent factor
 * @param threshold     the weighted score at which a step is taken
 * @param intentional   how many of the counted findings a moderator found intentional
 * @param window        the sliding window
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Assessment(
        int misuseCount,
        int totalCount,
        int windowMisuse,
        int weightedScore,
        int threshold,
        int intentional,
        Duration window) {

    /** The proportion of the party's activity in the window that was misuse, 0 to 1. */
    public double share() {
        return totalCount == 0 ? 0 : Math.min(1.0, (double) windowMisuse / totalCount);
    }
}
