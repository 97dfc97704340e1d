/**
 * Moderator work: queues, claims, decisions with reasons, four-eyes, appeals.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel", "notices", "aigc", "measures", "misuse", "workflow"})
package dev.takedown.review;

import org.springframework.modulith.ApplicationModule;
