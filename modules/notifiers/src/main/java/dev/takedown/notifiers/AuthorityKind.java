package dev.takedown.notifiers;

/** What kind of body issues orders to act against illegal content (DSA Art. 9) or reports them (GenAI Art. 14). */
public enum AuthorityKind {
    JUDICIAL,
    ADMINISTRATIVE,
    LAW_ENFORCEMENT,
    REGULATOR
}
