/**
 * The public event contract: event records, their CloudEvents types and topic names. Plain Java; external consumers
 * depend on it.
 */
@ApplicationModule(allowedDependencies = {})
package dev.takedown.events;

import org.springframework.modulith.ApplicationModule;
