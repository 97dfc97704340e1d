package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** An uploader's counter-notice or declaration (legal-requirements §6.2); which fields are required is profile law. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CounterNoticeSubmission(
        User user,
        Material material,
        List<NoticeSubmission.Evidence> nonInfringementEvidence,
        Statement statement,
        Boolean consentToJurisdiction,
        Boolean acceptServiceOfProcess,
        NoticeSubmission.Signature signature,
        NoticeSubmission.Attestations attestations,
        String exceptionClaim) {

    public CounterNoticeSubmission {
        nonInfringementEvidence = nonInfringementEvidence == null ? List.of() : nonInfringementEvidence;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record User(
            String legalName,
            NoticeSubmission.IdentityDocument identityDocument,
            String address,
            String phone,
            String email) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Material(String identification, String priorLocation) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Statement(Boolean mistakeOrMisidentificationPerjury) {}
}
