package dev.takedown.events;

import java.time.Instant;

/**
 * A screening node's heartbeat on {@link Topics#SCREENING_NODES}: the node {@code nodeId} serves screening and must
 * answer every filter measure's command. A node not heard from for a while no longer counts.
 */
public record ScreeningNodeAlive(String nodeId, Instant at) {

    public static final String TYPE = "dev.takedown.screening.node-alive.v1";
}
