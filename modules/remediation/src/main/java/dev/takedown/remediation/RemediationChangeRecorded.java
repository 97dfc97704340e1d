package dev.takedown.remediation;

/** The owner recorded a change; the remediation process moves on to verification. */
public record RemediationChangeRecorded(String caseId, String remediationId, String changeId) {}
