package dev.takedown.remediation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.measures.MeasureView;
import dev.takedown.notices.CaseView;
import java.time.Instant;
import java.util.List;

/**
 * What a regulator is shown about a model remediation (AIGC Interim Measures Art. 14: stop, remove, optimise the
 * model, report): the case, its measures, every change the owner recorded and every verification run, with a link to
 * the case's signed evidence bundle.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RemediationReport(
        CaseView caseView,
        RemediationView remediation,
        List<MeasureView> measures,
        List<RemediationChange> changes,
        List<RemediationVerification> verifications,
        String evidenceBundle,
        Instant producedAt) {

    /** The same report as plain text, for a filing that takes no JSON. */
    public String asText() {
        StringBuilder text = new StringBuilder();
        text.append("Model remediation report\n");
        text.append("Case: ")
                .append(caseView.caseId())
                .append(" (")
                .append(caseView.status())
                .append(")\n");
        text.append("Works: ").append(String.join("; ", caseView.workTitles())).append('\n');
        text.append("Targets: ")
                .append(String.join("; ", caseView.targetUrls()))
                .append('\n');
        text.append("Remediation: ")
                .append(remediation.status())
                .append(", owner ")
                .append(remediation.ownerId())
                .append(", opened ")
                .append(remediation.openedAt())
                .append(", due ")
                .append(remediation.dueAt());
        if (remediation.escalatedAt() != null) {
            text.append(", escalated ").append(remediation.escalatedAt());
        }
        if (remediation.verifiedAt() != null) {
            text.append(", verified ").append(remediation.verifiedAt());
        }
        text.append("\n\nMeasures:\n");
        for (MeasureView m : measures) {
            text.append("- ")
                    .append(m.type())
                    .append(' ')
                    .append(m.status())
                    .append(" applied ")
                    .append(m.appliedAt())
                    .append(m.liftedAt() == null ? "" : " lifted " + m.liftedAt())
                    .append(" [")
                    .append(m.measureId())
                    .append("]\n");
        }
        text.append("\nChanges recorded by the model owner:\n");
        for (RemediationChange c : changes) {
            text.append("- ")
                    .append(c.recordedAt())
                    .append(" by ")
                    .append(c.recordedBy())
                    .append(": filter ")
                    .append(orDash(c.filterVersion()))
                    .append(", model ")
                    .append(orDash(c.modelVersion()))
                    .append(", added terms ")
                    .append(c.addedTerms())
                    .append(widening(c))
                    .append("\n  ")
                    .append(c.description())
                    .append('\n');
        }
        text.append("\nVerifications by replay suite:\n");
        for (RemediationVerification v : verifications) {
            text.append("- ")
                    .append(v.checkedAt())
                    .append(' ')
                    .append(v.outcome())
                    .append(": ")
                    .append(v.passed())
                    .append(" prompts blocked, ")
                    .append(v.failedPrompts().size())
                    .append(" not blocked")
                    .append(" (replayed ")
                    .append(v.replayedAt())
                    .append(")\n");
        }
        text.append("\nEvidence bundle: ").append(evidenceBundle).append('\n');
        text.append("Produced: ").append(producedAt).append('\n');
        return text.toString();
    }

    private static String widening(RemediationChange c) {
        return switch (c.widening()) {
            case NONE -> "";
            case PENDING -> " (widening awaits a moderator)";
            case APPROVED -> " (widening approved by " + c.wideningDecidedBy() + " " + c.wideningDecidedAt() + ")";
            case REFUSED ->
                " (widening refused by " + c.wideningDecidedBy() + " " + c.wideningDecidedAt() + ": "
                        + c.wideningReason() + ")";
        };
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
