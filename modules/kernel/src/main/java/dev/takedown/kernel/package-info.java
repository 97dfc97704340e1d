/**
 * The few types every module shares: the caller's identity, field problems, RFC 9457 problem details, text bounds, form
 * problems, the clock. Depends on no module; anything with a capability's name belongs to that capability.
 */
@ApplicationModule(allowedDependencies = {})
package dev.takedown.kernel;

import org.springframework.modulith.ApplicationModule;
