package dev.takedown.screening;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answer for one upload (a model or LoRA file).
 *
 * @param sha256     the file's SHA-256, lower-case
 * @param decision   ALLOW; BLOCK for the blocked file itself, or for a similar one under a profile with a stay-down
 *                   duty; REVIEW for a similar one elsewhere (hold the upload until a human decides)
 * @param reason     why it is not ALLOW; null on ALLOW
 * @param measureIds the re-upload blocks that matched, sorted
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileVerdict(String sha256, Decision decision, Reason reason, List<String> measureIds) {

    public enum Reason {
        /** The file's SHA-256 is the blocked file's. */
        SAME_FILE,
        /** Another file under the blocked model's name tokens. */
        SIMILAR_TO_BLOCKED
    }
}
