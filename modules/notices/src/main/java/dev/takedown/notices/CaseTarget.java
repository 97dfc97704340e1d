package dev.takedown.notices;

/**
 * A target of a case: where the material is, the uploader account that posted it when known, its type, and for
 * AIGC targets the generated output's ProduceID and the model file's SHA-256.
 */
public record CaseTarget(String url, String accountId, String type, String produceId, String sha256) {

    public CaseTarget(String url, String accountId) {
        this(url, accountId, "URL", null, null);
    }
}
