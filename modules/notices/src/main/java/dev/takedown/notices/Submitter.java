package dev.takedown.notices;

/**
 * Who files a notice: a user or portal acting for one organisation, through one channel; or anyone without an account
 * through the public complaint channel ({@link #anonymous()}), identified by the e-mail address it confirms.
 */
public record Submitter(String actor, String organisationId, Channel channel) {

    /** The organisation logged-out notices are filed under: no rights holder reads them. Never a notifier identity. */
    public static final String PUBLIC_ORGANISATION = "public";

    public enum Channel {
        PORTAL,
        API,
        KAFKA,
        /** The public complaint channel (DSA Art. 16(1)): no account, the notifier confirms its e-mail address. */
        PUBLIC
    }

    public static Submitter anonymous() {
        return new Submitter("public", PUBLIC_ORGANISATION, Channel.PUBLIC);
    }

    public boolean isAnonymous() {
        return channel == Channel.PUBLIC;
    }
}
