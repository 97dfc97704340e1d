package dev.takedown.notices;

/** Who files a notice: a user or portal acting for one organisation, through one channel. */
public record Submitter(String actor, String organisationId, Channel channel) {

    public enum Channel {
        PORTAL,
        API,
        KAFKA
    }
}
