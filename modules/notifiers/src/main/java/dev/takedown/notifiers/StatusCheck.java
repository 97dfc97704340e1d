package dev.takedown.notifiers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.notifiers.internal.EntryChecks;
import java.util.Locale;

/**
 * The outcome of checking a notice's claimed status against the registries. An unverified claim is processed as an
 * ordinary notice, and {@code refusal} says why the claim was not confirmed.
 *
 * @param entryId   the registry entry that confirmed the status; null when unverified or nothing was claimed
 * @param entryName   the entity or authority of that entry
 * @param memberState the EU or EEA state of a confirmed authority whose order it is (ISO 3166-1 alpha-2), for the
 *                    Art. 15(1)(a) figures by member state; null otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatusCheck(
        ClaimedStatus claimed, boolean verified, String entryId, String entryName, String refusal, String memberState) {

    public StatusCheck(ClaimedStatus claimed, boolean verified, String entryId, String entryName, String refusal) {
        this(claimed, verified, entryId, entryName, refusal, null);
    }

    /** The notifier type recorded for an ordinary notifier whose claim of a status was not confirmed. */
    public static final String ORDINARY = "NOTIFIER";

    public static StatusCheck none() {
        return new StatusCheck(ClaimedStatus.NONE, false, null, null, null);
    }

    public static StatusCheck confirmed(ClaimedStatus claimed, String entryId, String entryName) {
        return new StatusCheck(claimed, true, entryId, entryName, null);
    }

    /** An order of a registered authority of {@code country}; its member state only if it lies in the EU or EEA. */
    public static StatusCheck confirmedOrder(String entryId, String entryName, String country) {
        return new StatusCheck(
                ClaimedStatus.AUTHORITY_ORDER,
                true,
                entryId,
                entryName,
                null,
                EntryChecks.euOrEea(country) ? country : null);
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
