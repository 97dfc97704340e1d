/**
 * The in-memory screening index fed by the measures topic: normaliser, prompt and image checks, the screening API.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel"})
package dev.takedown.screening;

import org.springframework.modulith.ApplicationModule;
