package dev.takedown.review.web;

import dev.takedown.kernel.Caller;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.UploaderCases;
import dev.takedown.notices.UploaderLinkPurpose;
import dev.takedown.review.AppealRequest;
import dev.takedown.review.Appeals;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Internal complaints (DSA Art. 20): the notifier signed in, the uploader through the signed link. */
@RestController
class AppealApi {

    private final Appeals appeals;
    private final UploaderCases uploaderCases;

    AppealApi(Appeals appeals, UploaderCases uploaderCases) {
        this.appeals = appeals;
        this.uploaderCases = uploaderCases;
    }

    @PostMapping(
            path = "/api/notices/{caseId}/appeal",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> byNotifier(
            @PathVariable String caseId, @RequestBody AppealRequest appeal, Authentication authentication) {
        return Map.of("appeal_id", appeals.fileAsNotifier(caseId, appeal, Caller.of(authentication)));
    }

    @PostMapping(
            path = "/api/uploader/{token}/appeal",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> byUploader(@PathVariable String token, @RequestBody AppealRequest appeal) {
        String caseId = uploaderCases
                .caseFor(token, UploaderLinkPurpose.APPEAL)
                .orElseThrow(() -> new CaseNotFoundException("behind this link"));
        return Map.of("appeal_id", appeals.fileAsUploader(caseId, appeal, UploaderCases.actorFor(caseId)));
    }
}
