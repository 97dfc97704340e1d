package dev.takedown.notices.web;

import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CounterNoticeSubmission;
import dev.takedown.notices.CounterNotices;
import dev.takedown.notices.UploaderCases;
import dev.takedown.notices.UploaderLinkPurpose;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an uploader without an account reaches through the signed link in the forwarded notice: the notice and
 * statement of reasons, and the counter-notice. The token is the credential: one that is not ours is a 404; an
 * expired or revoked link a 410 and a link of another purpose a 403, as problem+json.
 */
@RestController
@RequestMapping(path = "/api/uploader/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
class UploaderApi {

    private final UploaderCases uploaderCases;
    private final CounterNotices counterNotices;

    UploaderApi(UploaderCases uploaderCases, CounterNotices counterNotices) {
        this.uploaderCases = uploaderCases;
        this.counterNotices = counterNotices;
    }

    @GetMapping
    UploaderCases.ForwardedNotice notice(@PathVariable String token) {
        return uploaderCases.forwarded(token).orElseThrow(() -> new CaseNotFoundException("behind this link"));
    }

    @PostMapping(path = "/counter-notice", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> counterNotice(@PathVariable String token, @RequestBody CounterNoticeSubmission counter) {
        String caseId = uploaderCases
                .caseFor(token, UploaderLinkPurpose.COUNTER_NOTICE)
                .orElseThrow(() -> new CaseNotFoundException("behind this link"));
        return Map.of("counter_notice_id", counterNotices.file(caseId, counter, UploaderCases.actorFor(caseId)));
    }
}
