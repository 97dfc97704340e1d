package dev.takedown.audit.web;

import dev.takedown.audit.DisclosureFeed;
import dev.takedown.audit.DisclosurePage;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The E-Commerce Law Art. 44 disclosure feed: public, no login, personal data never included. */
@RestController
class PublicDisclosures {

    private final DisclosureFeed feed;

    PublicDisclosures(DisclosureFeed feed) {
        this.feed = feed;
    }

    /**
     * @param since  ISO-8601 instant, e.g. 2026-11-01T00:00:00Z
     * @param cursor the {@code next} of the previous page
     */
    @GetMapping("/api/public/disclosures")
    DisclosurePage disclosures(
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return feed.page(since, cursor, limit);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
