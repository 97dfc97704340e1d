/**
 * Correspondence: every letter to a party of a case. A letter is rendered from the template of its kind in the
 * recipient's language, stored with its Message-ID in the business transaction, e-mailed after commit, and followed
 * to delivery (queued, sent, delivered on receipt or deemed, bounced, failed); each step is a ledger fact.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel"})
package dev.takedown.correspondence;

import org.springframework.modulith.ApplicationModule;
