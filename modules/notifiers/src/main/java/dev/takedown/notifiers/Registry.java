package dev.takedown.notifiers;

/** The registries notifier statuses are checked against. */
public enum Registry {
    /** DSA Art. 22: entities a Digital Services Coordinator awarded the status, in their areas of expertise. */
    TRUSTED_FLAGGER,
    /** DSA Art. 9 (and GenAI Measures Art. 14): bodies whose orders the platform must act on and report. */
    COMPETENT_AUTHORITY
}
