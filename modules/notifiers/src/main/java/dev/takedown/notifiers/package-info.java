/**
 * Who notifiers are: a logged-out notifier is identified by an e-mail address it confirmed (a signed, expiring link),
 * never by a shared organisation; trusted flaggers (DSA Art. 22) and competent authorities (DSA Art. 9) are entries
 * of registries that compliance officers keep, and a notice holds either status only by matching an entry.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel"})
package dev.takedown.notifiers;

import org.springframework.modulith.ApplicationModule;
