package dev.takedown.remediation;

/**
 * A failing replay suite opened (or reopened) the case's model remediation; the remediation process starts for it.
 * The lifecycle's own opening (an accepted notice on a model target) starts its process directly and sends none.
 */
public record RemediationOpened(String caseId, String remediationId, String measureId) {}
