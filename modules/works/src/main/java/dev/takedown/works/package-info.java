/**
 * The rights holders' protected-works registry. Knows no cases; screening only hashes reference images.
 */
@ApplicationModule(allowedDependencies = {"kernel", "screening"})
package dev.takedown.works;

import org.springframework.modulith.ApplicationModule;
