package dev.takedown.measures;

import java.time.Instant;

public record MeasureView(String measureId, String caseId, MeasureType type, String targetUrl, String status,
        Instant appliedAt) {
}
