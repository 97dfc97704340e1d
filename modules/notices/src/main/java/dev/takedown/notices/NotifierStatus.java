package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.notifiers.ClaimedStatus;
import dev.takedown.notifiers.StatusCheck;

/**
 * What the acknowledgement of a notice says about the status it claimed (trusted flagger, authority order): confirmed
 * by a registry entry, or not, why not, and that the notice is then processed as an ordinary one.
 *
 * @param claimed       {@code TRUSTED_FLAGGER} or {@code AUTHORITY_ORDER}
 * @param registryEntry the entry that confirmed it; null when it was not confirmed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NotifierStatus(String claimed, boolean verified, String registryEntry, String note) {

    /** Null when the notice claimed no status. */
    static NotifierStatus of(StatusCheck check) {
        if (check.claimed() == ClaimedStatus.NONE) {
            return null;
        }
        return check.verified()
                ? new NotifierStatus(
                        check.claimed().name(),
                        true,
                        check.entryId(),
                        "confirmed by the registry entry of " + check.entryName())
                : new NotifierStatus(
                        check.claimed().name(),
                        false,
                        null,
                        "not confirmed: " + check.refusal() + "; processed as an ordinary notice");
    }
}
