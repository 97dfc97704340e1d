package dev.takedown.notices.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.AnswerInvalidException;
import dev.takedown.notices.UploaderLinkPurpose;
import dev.takedown.notices.UploaderLinks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff withdraw a case's uploader links (a link sent to the wrong address, a leaked one), for some purposes or all,
 * always with a reason: the revocation is a ledger fact.
 */
@RestController
class UploaderLinkApi {

    /** The reason is kept with the links and in the ledger; a page of text is enough. */
    static final int MAX_REASON = 2000;

    private final UploaderLinks links;

    UploaderLinkApi(UploaderLinks links) {
        this.links = links;
    }

    @PostMapping(
            path = "/api/notices/{caseId}/uploader-links/revocation",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> revoke(
            @PathVariable String caseId, @RequestBody Revocation revocation, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        if (revocation.reason() == null || revocation.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "required: why the links are withdrawn"));
        } else if (revocation.reason().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "at most " + MAX_REASON + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new AnswerInvalidException(problems);
        }
        List<UploaderLinkPurpose> purposes = revocation.purposes() == null ? List.of() : revocation.purposes();
        if (purposes.contains(null)) {
            throw new AnswerInvalidException(List.of(new FieldProblem("purposes", "VIEW, COUNTER_NOTICE or APPEAL")));
        }
        int revoked = links.revoke(
                caseId,
                purposes.isEmpty() ? EnumSet.noneOf(UploaderLinkPurpose.class) : EnumSet.copyOf(purposes),
                Caller.of(authentication).actor(),
                revocation.reason().strip());
        return Map.of("case_id", caseId, "revoked", revoked);
    }

    /** @param purposes the links to withdraw; none named: every link of the case */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Revocation(List<UploaderLinkPurpose> purposes, String reason) {}
}
