/**
 * AIGC facts on a case: implicit labels (GB 45438-2025), label evidence, risk warnings users saw. Reads cases, decides
 * none.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel", "notices"})
package dev.takedown.aigc;

import org.springframework.modulith.ApplicationModule;
