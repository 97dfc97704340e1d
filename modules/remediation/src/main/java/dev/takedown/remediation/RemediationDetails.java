package dev.takedown.remediation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A remediation with every change its owner recorded and every verification run, oldest first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RemediationDetails(
        RemediationView remediation, List<RemediationChange> changes, List<RemediationVerification> verifications) {}
