package dev.takedown.evidence;

/** What one request and one case may hold; pages show these and check them before sending. */
public record EvidenceLimits(long maxFileBytes, int maxFilesPerRequest, int maxFilesPerCase) {}
