package dev.takedown.misuse;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * Whose standing: a notifier (an organisation, or a logged-out notifier identified by its verified e-mail address,
 * {@code email:<keyed hash>}) or an uploader account.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Party(Kind kind, String id) {

    /** The longest party id stored. */
    public static final int MAX_ID = 200;

    public enum Kind {
        /** Files notices: DSA Art. 23(2), manifestly unfounded notices. */
        NOTIFIER,
        /** Posts content: DSA Art. 23(1), manifestly illegal content; 17 U.S.C. 512(i), repeat infringers. */
        UPLOADER
    }

    public Party {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw new IllegalArgumentException("a party id has 1 to " + MAX_ID + " characters");
        }
    }

    public static Party notifier(String id) {
        return new Party(Kind.NOTIFIER, id);
    }

    public static Party uploader(String accountId) {
        return new Party(Kind.UPLOADER, accountId);
    }
}
