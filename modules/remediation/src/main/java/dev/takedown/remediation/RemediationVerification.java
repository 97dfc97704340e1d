package dev.takedown.remediation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** One verification run: which filter measures' suites were read, how many prompts stayed blocked, which did not. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RemediationVerification(
        String verificationId,
        String changeId,
        VerificationOutcome outcome,
        List<String> measureIds,
        int passed,
        List<String> failedPrompts,
        Instant replayedAt,
        Instant checkedAt) {}
