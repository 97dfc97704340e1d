package dev.takedown.workflow.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Before the engine starts: every table Camunda's scripts create is there, and the schema log names the engine's
 * version. Camunda's own check reads a placeholder version and looks for four of its tables only, so a database
 * missing, say, its job table started and failed on the first timer.
 */
@Component
class CamundaSchemaCheck extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try (Connection connection = configuration.getDataSource().getConnection()) {
            List<String> missing = CamundaSchema.missing(CamundaSchema.present(connection));
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Camunda's schema is incomplete: the database has no table "
                        + String.join(", ", missing) + ". Restore the database from a backup; Flyway's V39 creates "
                        + "Camunda's tables only in a database that has none of them.");
            }
            String expected = CamundaSchema.version();
            String recorded = CamundaSchema.recordedVersion(connection);
            if (!expected.equals(recorded)) {
                throw new IllegalStateException("Camunda's schema is at version " + recorded + ", the engine is "
                        + expected + ": apply Camunda's upgrade scripts (org/camunda/bpm/engine/db/upgrade/"
                        + "postgres_engine_*.sql in camunda-engine.jar) before starting this version.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Camunda's schema could not be checked", e);
        }
    }
}
