/**
 * Everything Camunda: processes, delegates, deadlines, business calendars, the task facade. The only module that
 * imports org.camunda.
 */
@ApplicationModule(allowedDependencies = {"events", "kernel", "notices", "measures", "misuse", "remediation"})
package dev.takedown.workflow;

import org.springframework.modulith.ApplicationModule;
