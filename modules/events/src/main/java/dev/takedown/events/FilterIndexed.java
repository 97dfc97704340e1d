package dev.takedown.events;

import java.time.Instant;

/**
 * A screening node's answer on {@link Topics#SCREENING_NODES}: version {@code version} of the measure is in its index
 * since {@code at} ({@code lift}: the measure left it). A filter measure is enforced when every live screening node
 * has answered its command.
 */
public record FilterIndexed(String nodeId, String measureId, long version, boolean lift, Instant at) {

    public static final String TYPE = "dev.takedown.screening.indexed.v1";
}
