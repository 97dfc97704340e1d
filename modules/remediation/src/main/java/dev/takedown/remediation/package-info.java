/**
 * Model remediation (GenAI Measures Art. 14) as an aggregate per model owner, verified by the screening replay suites.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel", "notices", "measures", "screening"})
package dev.takedown.remediation;

import org.springframework.modulith.ApplicationModule;
