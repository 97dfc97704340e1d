/**
 * Measure catalogue, apply and lift, strikes (each one a finding on the uploader account's DSA Art. 23 standing).
 */
@ApplicationModule(allowedDependencies = {"events", "misuse"})
package dev.takedown.measures;

import org.springframework.modulith.ApplicationModule;
