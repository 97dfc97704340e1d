/**
 * Measure catalogue, apply and lift, strikes.
 */
@ApplicationModule(allowedDependencies = {"events"})
package dev.takedown.measures;

import org.springframework.modulith.ApplicationModule;
