package dev.takedown.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.testing.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Camunda's schema as Flyway's V39 makes it and as the engine checks it before it starts, on PostgreSQL 17. */
class CamundaSchemaTest {

    private final DataSource database =
            new DriverManagerDataSource(EmbeddedDatabase.freshDatabaseUrl(), "postgres", "postgres");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @Test
    void aFreshDatabaseGetsEveryTableOfTheEnginesScriptsAndPassesTheCheck() throws SQLException {
        migrate();

        try (Connection connection = database.getConnection()) {
            assertThat(CamundaSchema.present(connection))
                    .hasSizeGreaterThan(40)
                    .contains("act_ru_job", "act_ru_incident", "act_hi_procinst", "act_re_decision_def")
                    .containsAll(CamundaSchema.tables());
            assertThat(CamundaSchema.recordedVersion(connection)).isEqualTo("7.24.0");
        }
        assertThatCode(this::check).doesNotThrowAnyException();
        assertThat(jdbc.queryForObject("select success from flyway_schema_history where version = '39'", Boolean.class))
                .isTrue();
    }

    @Test
    void aDatabaseWhoseEngineMadeTheTablesIsLeftAsItIs() {
        // as every database before V39: Flyway's history and the tables the engine made itself at its first start
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/workflow")
                .load()
                .migrate();
        ResourceDatabasePopulator engine = new ResourceDatabasePopulator();
        CamundaSchema.SCRIPTS.forEach(name -> engine.addScript(CamundaSchema.script(name)));
        engine.execute(database);
        jdbc.update("insert into act_ge_property (name_, value_, rev_) values ('takedown.marker', 'kept', 1)");

        migrate();

        assertThat(jdbc.queryForObject(
                        "select value_ from act_ge_property where name_ = 'takedown.marker'", String.class))
                .isEqualTo("kept");
        assertThatCode(this::check).doesNotThrowAnyException();
    }

    @Test
    void aMissingTableStopsTheEngineNamingIt() {
        migrate();
        jdbc.execute("drop table act_ru_meter_log");
        jdbc.execute("drop table act_hi_comment");

        assertThatThrownBy(this::check)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Camunda's schema is incomplete")
                .hasMessageContaining("act_hi_comment, act_ru_meter_log")
                .hasMessageContaining("Restore the database from a backup");
    }

    @Test
    void aSchemaOfAnotherVersionStopsTheEngineUntilItIsUpgraded() {
        migrate();
        jdbc.update("update act_ge_schema_log set version_ = '7.23.0'");

        assertThatThrownBy(this::check)
                .hasMessageContaining("at version 7.23.0, the engine is 7.24.0")
                .hasMessageContaining("upgrade scripts");
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/workflow")
                .javaMigrations(new CamundaSchemaMigration())
                .load()
                .migrate();
    }

    private void check() {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(database);
        new CamundaSchemaCheck().postInit(configuration);
    }
}
