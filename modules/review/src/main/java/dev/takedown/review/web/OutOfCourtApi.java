package dev.takedown.review.web;

import dev.takedown.kernel.Caller;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.NoticeCases;
import dev.takedown.review.OutOfCourtSettlements;
import dev.takedown.review.OutOfCourtSettlements.Referral;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** DSA Art. 21 for compliance officers: referrals to certified out-of-court bodies, their outcome, implementation. */
@RestController
class OutOfCourtApi {

    private final OutOfCourtSettlements settlements;
    private final NoticeCases cases;

    OutOfCourtApi(OutOfCourtSettlements settlements, NoticeCases cases) {
        this.settlements = settlements;
        this.cases = cases;
    }

    @GetMapping(path = "/api/notices/{caseId}/out-of-court-referrals", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Referral> referrals(@PathVariable String caseId, Authentication authentication) {
        requireCase(caseId, authentication);
        return settlements.forCase(caseId);
    }

    /** {@code {"body_id", "decision_id" (absent: the latest), "party": NOTIFIER|UPLOADER, "body_reference"}}. */
    @PostMapping(
            path = "/api/notices/{caseId}/out-of-court-referrals",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Referral> refer(
            @PathVariable String caseId,
            @RequestBody OutOfCourtSettlements.ReferralRequest request,
            Authentication authentication) {
        requireCase(caseId, authentication);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(settlements.refer(caseId, request, authentication.getName()));
    }

    /** {@code {"outcome": UPHELD|OVERTURNED|SETTLED|DISCONTINUED, "summary"}}, once. */
    @PostMapping(
            path = "/api/out-of-court-referrals/{id}/outcome",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Referral outcome(
            @PathVariable("id") String referralId,
            @RequestBody OutOfCourtSettlements.OutcomeRequest request,
            Authentication authentication) {
        return settlements.decide(referralId, request, authentication.getName());
    }

    /** Implements an overturning decision: {@code {}} lifts the measures in effect, {@code {"measures": [...]}} applies. */
    @PostMapping(
            path = "/api/out-of-court-referrals/{id}/implementation",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Referral implement(
            @PathVariable("id") String referralId,
            @RequestBody OutOfCourtSettlements.ImplementationRequest request,
            Authentication authentication) {
        return settlements.implement(referralId, request, authentication.getName());
    }

    private void requireCase(String caseId, Authentication authentication) {
        if (cases.find(caseId, Caller.of(authentication)).isEmpty()) {
            throw new CaseNotFoundException(caseId);
        }
    }
}
