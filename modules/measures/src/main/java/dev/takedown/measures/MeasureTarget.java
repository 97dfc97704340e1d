package dev.takedown.measures;

/**
 * Where a target measure acts, the uploader account that posted the material (strikes count per account), and the
 * SHA-256 of the target's file and the model's name on the platform when it is a model or LoRA (a
 * {@link MeasureType#BLOCK_REUPLOAD} acts on them).
 */
public record MeasureTarget(String url, String accountId, String sha256, String modelName) {

    public MeasureTarget(String url, String accountId, String sha256) {
        this(url, accountId, sha256, null);
    }

    public MeasureTarget(String url, String accountId) {
        this(url, accountId, null, null);
    }
}
