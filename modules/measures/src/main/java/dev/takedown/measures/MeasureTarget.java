package dev.takedown.measures;

/**
 * Where a target measure acts, the uploader account that posted the material (strikes count per account), and the
 * SHA-256 of the target's file when it is a model or LoRA (a {@link MeasureType#BLOCK_REUPLOAD} acts on it).
 */
public record MeasureTarget(String url, String accountId, String sha256) {

    public MeasureTarget(String url, String accountId) {
        this(url, accountId, null);
    }
}
