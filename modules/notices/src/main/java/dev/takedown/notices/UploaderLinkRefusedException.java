package dev.takedown.notices;

import dev.takedown.kernel.Problems;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A genuine uploader link that does not open this door: expired, revoked by staff, or issued for another purpose. An
 * {@link ErrorResponseException}, so that every API answers it as problem+json; pages show a readable page instead.
 */
public class UploaderLinkRefusedException extends ErrorResponseException {

    /** Why a genuine link was refused. */
    public enum Reason {
        EXPIRED(HttpStatus.GONE, "This link has expired"),
        REVOKED(HttpStatus.GONE, "This link was withdrawn"),
        WRONG_PURPOSE(HttpStatus.FORBIDDEN, "This link is for something else");

        private final HttpStatus status;
        private final String title;

        Reason(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }

        public HttpStatus status() {
            return status;
        }
    }

    private final Reason reason;

    public UploaderLinkRefusedException(Reason reason, String detail) {
        super(
                reason.status,
                Problems.of(
                        reason.status,
                        "uploader-link-"
                                + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        reason.title,
                        detail),
                null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
