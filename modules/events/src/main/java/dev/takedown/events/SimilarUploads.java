package dev.takedown.events;

/**
 * What a screening node answers for an upload that is not the blocked file but resembles it (a renamed or re-trained
 * copy of a model or LoRA under a re-upload block). The case's jurisdiction profile decides: Chinese courts expect a
 * platform to keep infringing material down once notified, so a resemblance is refused; under the DSA and the DMCA a
 * platform has no general duty to monitor and an automated refusal on a resemblance alone is a restriction that needs
 * a human's assessment, so the upload is held for review.
 */
public enum SimilarUploads {
    /** Refused automatically, like the exact file. */
    BLOCK,
    /** Held until a human decides. */
    REVIEW
}
