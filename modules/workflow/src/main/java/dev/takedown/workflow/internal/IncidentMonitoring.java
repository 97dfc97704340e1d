package dev.takedown.workflow.internal;

import dev.takedown.workflow.Incidents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Open incidents where operations look: a gauge ({@code takedown_camunda_incidents_open}) and the health, which turns
 * {@code DEGRADED} while any is open. DEGRADED answers 200 and ranks between UP and DOWN
 * ({@code management.endpoint.health.status}): the node serves, so no orchestrator restarts it, but a case is stuck
 * until someone retries it on the incident page.
 */
@Component("incidentsHealthIndicator")
class IncidentMonitoring implements HealthIndicator, MeterBinder {

    static final Status DEGRADED = new Status("DEGRADED", "open incidents: cases wait for a retry");

    private final Incidents incidents;

    IncidentMonitoring(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public Health health() {
        long open = incidents.count();
        return (open == 0 ? Health.up() : Health.status(DEGRADED))
                .withDetail("openIncidents", open)
                .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("takedown.camunda.incidents.open", incidents, Incidents::count)
                .description("Open Camunda incidents: process steps whose retries ran out")
                .register(registry);
    }
}
