/**
 * The append-only hash-chained ledger fed by every topic: checkpoints, verifier, evidence bundles, compliance reports.
 */
@ApplicationModule(allowedDependencies = {"events"})
package dev.takedown.audit;

import org.springframework.modulith.ApplicationModule;
