package dev.takedown.notices;

/**
 * What an uploader link is for. Each link serves one purpose and expires with the window of that purpose; reading the
 * forwarded notice is part of every purpose, since the uploader answers what it reads.
 */
public enum UploaderLinkPurpose {
    /** Read the forwarded notice and the statement of reasons (DSA Art. 17). */
    VIEW,
    /** File a counter-notice (Civil Code 1196, DMCA 512(g)); none under the DSA. */
    COUNTER_NOTICE,
    /** File an internal complaint against the decision (DSA Art. 20). */
    APPEAL
}
