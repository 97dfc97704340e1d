/**
 * The case: notices, jurisdiction profiles, intake, cure, counter-notices, uploader links, bulk targets, and the case's
 * status, history and decisions, which only {@link dev.takedown.notices.CaseLifecycle} writes.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel", "evidence", "works"})
package dev.takedown.notices;

import org.springframework.modulith.ApplicationModule;
