package dev.takedown.notices;

import java.util.Arrays;
import java.util.Optional;

/** How the court or authority proceedings that kept a measure in place ended. */
public enum ProceedingsOutcome {
    /** The rights holder won: the measure stays, the case closes. */
    UPHELD,
    /** The claim failed: the content is restored. */
    DISMISSED,
    /** The rights holder withdrew its claim or complaint: the content is restored. */
    WITHDRAWN;

    public boolean restores() {
        return this != UPHELD;
    }

    public static Optional<ProceedingsOutcome> parse(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
    }
}
