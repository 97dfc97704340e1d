package dev.takedown.measures;

/** The measure catalogue (legal-requirements §6.4): more than "remove", because AIGC platforms must stop generation. */
public enum MeasureType {
    DELETE,
    DISABLE_ACCESS,
    GEO_BLOCK,
    DEMOTE,
    AGE_RESTRICT,
    RESTRICT_INTERACTION,
    LABEL,
    DISCONNECT_LINK,
    PROMPT_FILTER,
    OUTPUT_SIMILARITY_FILTER,
    STOP_GENERATION,
    STOP_TRANSMISSION,
    OUTPUT_PURGE,
    MODEL_REMEDIATION_TICKET,
    UNPUBLISH_MODEL,
    BLOCK_REUPLOAD,
    REMOVE_FROM_DATASET,
    TERMINATE_TRANSACTION,
    DELIST,
    SUSPEND_MONETISATION,
    TERMINATE_MONETISATION,
    PARTIAL_SERVICE_SUSPENSION,
    TOTAL_SERVICE_SUSPENSION,
    ACCOUNT_WARNING,
    ACCOUNT_SUSPEND,
    ACCOUNT_TERMINATE;

    /** Filters act on every future generation request, not on one target: one measure per case, with its rule. */
    public boolean isFilter() {
        return this == PROMPT_FILTER || this == OUTPUT_SIMILARITY_FILTER || this == STOP_GENERATION;
    }

    /** Acts on an uploader's account rather than on content: the platform is told which account. */
    public boolean actsOnAccount() {
        return this == ACCOUNT_WARNING || this == ACCOUNT_SUSPEND || this == ACCOUNT_TERMINATE;
    }

    /** Acts on a file hash (a model or LoRA the platform must refuse to accept again), so only on hashed targets. */
    public boolean needsFileHash() {
        return this == BLOCK_REUPLOAD;
    }
}
