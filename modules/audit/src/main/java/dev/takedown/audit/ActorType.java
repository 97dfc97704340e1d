package dev.takedown.audit;

import dev.takedown.events.InboundSignatures;
import dev.takedown.events.TakedownEvent;

/**
 * Whether a ledger record was caused by a person or by automation (the system itself or a rights-holder portal, on
 * the API or, signed, on the inbound topic).
 */
public enum ActorType {
    HUMAN,
    AUTOMATED;

    public static ActorType of(String actor) {
        return actor.equals(TakedownEvent.SYSTEM)
                        || actor.startsWith("system:")
                        || actor.startsWith("portal:")
                        || actor.startsWith(InboundSignatures.PRINCIPAL_PREFIX)
                ? AUTOMATED
                : HUMAN;
    }
}
