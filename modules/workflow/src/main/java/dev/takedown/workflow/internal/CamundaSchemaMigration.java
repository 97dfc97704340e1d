package dev.takedown.workflow.internal;

import java.sql.Connection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Flyway V39 (workflow's range): Camunda's tables, from the engine's own bundled scripts, where there are none yet.
 * The engine no longer creates or changes its schema ({@code camunda.bpm.database.schema-update=false}), so the
 * schema is what migrations made it. Databases whose engine created the tables before (every local one) have them:
 * there this migration changes nothing. Spring Boot hands every {@link JavaMigration} bean to Flyway.
 */
@Component
class CamundaSchemaMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("39");
    }

    @Override
    public String getDescription() {
        return "camunda schema";
    }

    @Override
    public Integer getChecksum() {
        // the scripts come with the engine; a newer engine needs upgrade scripts, not a changed V39
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (CamundaSchema.present(connection).contains("act_ge_property")) {
            return;
        }
        ResourceDatabasePopulator scripts = new ResourceDatabasePopulator();
        CamundaSchema.SCRIPTS.forEach(name -> scripts.addScript(CamundaSchema.script(name)));
        scripts.populate(connection);
    }
}
