/**
 * DSA Art. 23 and the repeat-infringer policy: where each party stands (a notifier for manifestly unfounded notices,
 * an uploader account for manifestly illegal content), weighed by count, proportion, gravity and intent; a warning
 * with reasons and redress before any suspension; suspensions that end by themselves; early lifts by compliance;
 * suspensions and terminations reversed on complaint.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel"})
package dev.takedown.misuse;

import org.springframework.modulith.ApplicationModule;
