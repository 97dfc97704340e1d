package dev.takedown.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the E-Commerce Law Art. 44 disclosure feed. Built field by field from a whitelist, so nothing the
 * event carries about people (actor ids, organisation and account ids) can leak; free-text reasons are scrubbed by
 * {@code Redaction}. Fields that do not apply to the kind are absent.
 *
 * @param id opaque and stable: the ledger's event id
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Disclosure(
        String id,
        String caseId,
        Kind kind,
        Instant occurredAt,
        String rightType,
        Integer targetCount,
        String outcome,
        List<String> measures,
        String measureType,
        String targetUrl,
        String workTitle,
        String reason) {

    public enum Kind {
        /** A notice was received. */
        NOTICE,
        /** The user filed a declaration of non-infringement (Art. 43 counter-notice). */
        DECLARATION,
        /** The notifier proved a complaint or lawsuit after the declaration. */
        LEGAL_ACTION,
        /** A decision on the notice, its second review, or an appeal. */
        DECISION,
        /** A measure took effect. */
        MEASURE_APPLIED,
        /** A measure ended (restoration). */
        MEASURE_LIFTED
    }
}
