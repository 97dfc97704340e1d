package dev.takedown.notices;

import java.time.Instant;

/**
 * A target of a case: where the material is, the uploader account that posted it when known, its type, and for
 * AIGC targets the generated output's ProduceID, the model file's SHA-256, the model's id on the platform and when
 * the output was generated; and what its uploader declared on publishing it, null when the notice does not say.
 */
public record CaseTarget(
        String url,
        String accountId,
        TargetType type,
        String produceId,
        String sha256,
        String modelId,
        Instant generatedAt,
        UploaderDeclaration uploaderDeclaration) {

    public CaseTarget(
            String url,
            String accountId,
            TargetType type,
            String produceId,
            String sha256,
            String modelId,
            Instant generatedAt) {
        this(url, accountId, type, produceId, sha256, modelId, generatedAt, null);
    }

    public CaseTarget(String url, String accountId) {
        this(url, accountId, TargetType.URL, null, null, null, null);
    }

    /** The uploader declared the material AI-generated (Labelling Measures Art. 6(2)). */
    public boolean declaredAiGenerated() {
        return uploaderDeclaration == UploaderDeclaration.AI_GENERATED;
    }
}
