/**
 * The case: notices, jurisdiction profiles, intake, cure, counter-notices, uploader links, bulk targets, and the case's
 * status, which only this module writes.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel", "evidence", "works"})
package dev.takedown.notices;

import org.springframework.modulith.ApplicationModule;
