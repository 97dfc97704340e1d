/**
 * The case: notices, jurisdiction profiles, intake, cure, counter-notices, uploader links, bulk targets, and the case's
 * status, history and decisions, which only {@link dev.takedown.notices.CaseLifecycle} writes. Who a notifier is and
 * where it stands are the notifiers and misuse modules' to say.
 */
@ApplicationModule(
        allowedDependencies = {"events", "kernel", "evidence", "works", "correspondence", "misuse", "notifiers"})
package dev.takedown.notices;

import org.springframework.modulith.ApplicationModule;
