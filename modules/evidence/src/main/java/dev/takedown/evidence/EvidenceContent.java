package dev.takedown.evidence;

import org.springframework.core.io.Resource;

/** A stored file to stream back, with what was recorded about it. */
public record EvidenceContent(StoredEvidence evidence, Resource content) {}
