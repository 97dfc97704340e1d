package dev.takedown.aigc.web;

import dev.takedown.aigc.ImplicitLabels;
import dev.takedown.aigc.LabelEvidence;
import dev.takedown.aigc.RiskWarnings;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.NoticeIncompleteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** AIGC duties beyond removal: implicit-label evidence on a case's targets, and the risk warnings users saw. */
@RestController
class AigcApi {

    private final LabelEvidence labels;
    private final RiskWarnings warnings;

    AigcApi(LabelEvidence labels, RiskWarnings warnings) {
        this.labels = labels;
        this.warnings = warnings;
    }

    /** A moderator checks a target's image for its GB 45438-2025 implicit label; the result is a ledger fact. */
    @PostMapping(
            path = "/api/notices/{caseId}/targets/{index}/label-check",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ImplicitLabels.Assessment labelCheck(
            @PathVariable String caseId,
            @PathVariable String index,
            @RequestPart("image") MultipartFile image,
            Authentication authentication) {
        int position;
        try {
            position = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw new NoticeIncompleteException(List.of(new FieldProblem("target_index", "a target number from 0")));
        }
        if (image.isEmpty()) {
            throw new NoticeIncompleteException(List.of(new FieldProblem("image", "is empty")));
        }
        try {
            return labels.check(
                    caseId,
                    position,
                    image.getBytes(),
                    Caller.of(authentication).actor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform reports which user agreement and risk warning a user saw, and when. */
    @PostMapping(path = "/api/risk-warnings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> acknowledged(@RequestBody RiskWarnings.Acknowledgement ack, Authentication authentication) {
        warnings.record(ack, authentication.getName());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    /** What each target's uploader had been warned of at generation time. */
    @GetMapping(path = "/api/notices/{caseId}/risk-warnings", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RiskWarnings.TargetWarning> caseWarnings(@PathVariable String caseId) {
        return warnings.forCase(caseId);
    }
}
