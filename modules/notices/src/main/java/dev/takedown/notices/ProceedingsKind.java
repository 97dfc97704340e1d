package dev.takedown.notices;

import java.util.Arrays;
import java.util.Optional;

/** What the rights holder proves it started after a counter-notice, to keep the measure in place. */
public enum ProceedingsKind {
    /**
     * An action in court: a lawsuit (Civil Code 1196, E-Commerce Law 43: 起诉), or under 17 U.S.C. 512(g)(2)(C) an
     * action seeking a court order to restrain the uploader.
     */
    LAWSUIT,
    /** A complaint to the competent authority (Civil Code 1196, E-Commerce Law 43: 投诉); not under US law. */
    AUTHORITY_COMPLAINT;

    /** Whether this kind of proceedings keeps the measure under the profile's law. */
    public boolean keepsTheMeasureUnder(JurisdictionProfile profile) {
        return switch (profile.family()) {
            case CN -> true;
            // 512(g)(2)(C): only notice "that such person has filed an action seeking a court order"
            case US -> this == LAWSUIT;
            case EU -> false;
        };
    }

    public static Optional<ProceedingsKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
