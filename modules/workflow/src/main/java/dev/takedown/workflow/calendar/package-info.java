/**
 * Statutory calendars for day-based legal periods (legal-requirements §7.2, timer T6): China's State Council
 * holiday schedule and US federal holidays. A named interface, because Spring Modulith otherwise treats a module's
 * sub-packages as internal.
 */
@NamedInterface("calendar")
package dev.takedown.workflow.calendar;

import org.springframework.modulith.NamedInterface;
