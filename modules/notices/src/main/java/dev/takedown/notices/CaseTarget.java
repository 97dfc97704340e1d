package dev.takedown.notices;

import java.time.Instant;

/**
 * A target of a case: where the material is, the uploader account that posted it when known, its type, and for
 * AIGC targets the generated output's ProduceID, the model file's SHA-256, the model's id on the platform and when
 * the output was generated.
 */
public record CaseTarget(
        String url,
        String accountId,
        TargetType type,
        String produceId,
        String sha256,
        String modelId,
        Instant generatedAt) {

    public CaseTarget(String url, String accountId) {
        this(url, accountId, TargetType.URL, null, null, null, null);
    }
}
