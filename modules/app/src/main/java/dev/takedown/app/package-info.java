/**
 * Assembly: node roles, security, accounts and API keys, outbox externalisation, problem details of last resort,
 * layout.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel"})
package dev.takedown.app;

import org.springframework.modulith.ApplicationModule;
