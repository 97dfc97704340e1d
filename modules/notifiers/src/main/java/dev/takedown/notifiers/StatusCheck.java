package dev.takedown.notifiers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;

/**
 * The outcome of checking a notice's claimed status against the registries. An unverified claim is processed as an
 * ordinary notice, and {@code refusal} says why the claim was not confirmed.
 *
 * @param entryId   the registry entry that confirmed the status; null when unverified or nothing was claimed
 * @param entryName the entity or authority of that entry
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatusCheck(ClaimedStatus claimed, boolean verified, String entryId, String entryName, String refusal) {

    /** The notifier type recorded for an ordinary notifier whose claim of a status was not confirmed. */
    public static final String ORDINARY = "NOTIFIER";

    public static StatusCheck none() {
        return new StatusCheck(ClaimedStatus.NONE, false, null, null, null);
    }

    public static StatusCheck confirmed(ClaimedStatus claimed, String entryId, String entryName) {
        return new StatusCheck(claimed, true, entryId, entryName, null);
    }

    public static StatusCheck refused(ClaimedStatus claimed, String refusal) {
        return new StatusCheck(claimed, false, null, null, refusal);
    }

    /** A status was claimed and not confirmed. */
    public boolean unverified() {
        return claimed != ClaimedStatus.NONE && !verified;
    }

    /**
     * The notifier type triage and reports read: the confirmed status; for an unconfirmed claim of one, {@value
     * #ORDINARY}; otherwise the type as filed ({@code RIGHTS_HOLDER} when none was given).
     */
    public String notifierType(String declaredType) {
        if (verified) {
            return claimed.name();
        }
        String declared = declaredType == null || declaredType.isBlank()
                ? "RIGHTS_HOLDER"
                : declaredType.strip().toUpperCase(Locale.ROOT);
        return declared.equals(ClaimedStatus.TRUSTED_FLAGGER.name())
                        || declared.equals(ClaimedStatus.AUTHORITY_ORDER.name())
                ? ORDINARY
                : declared;
    }
}
