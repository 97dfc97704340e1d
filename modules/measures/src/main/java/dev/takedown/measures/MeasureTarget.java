package dev.takedown.measures;

/**
 * Where a target measure acts, the uploader account that posted the material (strikes count per account), the
 * SHA-256 of the target's file and the model's name on the platform when it is a model or LoRA (a
 * {@link MeasureType#BLOCK_REUPLOAD} acts on them), whether its uploader declared it AI-generated and whether a check
 * of its metadata verified its implicit AIGC label (both decide the text a {@link MeasureType#LABEL} carries:
 * {@link ExplicitLabel}).
 */
public record MeasureTarget(
        String url,
        String accountId,
        String sha256,
        String modelName,
        boolean declaredAiGenerated,
        boolean implicitLabelVerified) {

    public MeasureTarget(String url, String accountId, String sha256) {
        this(url, accountId, sha256, null, false, false);
    }

    public MeasureTarget(String url, String accountId) {
        this(url, accountId, null);
    }
}
