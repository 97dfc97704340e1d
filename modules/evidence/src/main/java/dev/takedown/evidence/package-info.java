/**
 * Evidence files: content-addressed storage, type from content, archive checks, limits, and their API and downloads.
 * The cases they belong to reach it through {@link dev.takedown.evidence.EvidenceCases}, which the notices module
 * provides.
 */
@ApplicationModule(allowedDependencies = {"kernel"})
package dev.takedown.evidence;

import org.springframework.modulith.ApplicationModule;
