package dev.takedown.events;

import java.time.Instant;

/**
 * A screening node's last word on {@link Topics#SCREENING_NODES} as it shuts down: the commands that wait for it no
 * longer do. A node that dies without it drops out when its heartbeats ({@link ScreeningNodeAlive}) stop.
 */
public record ScreeningNodeLeft(String nodeId, Instant at) {

    public static final String TYPE = "dev.takedown.screening.node-left.v1";
}
