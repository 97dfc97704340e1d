package dev.takedown.workflow.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Camunda's tables as the engine's own bundled PostgreSQL scripts create them ({@code camunda-engine.jar},
 * {@code org/camunda/bpm/engine/db/create/}): which tables they make and which schema version they record. Flyway
 * runs them ({@link CamundaSchemaMigration}); the engine checks against them at every start
 * ({@link CamundaSchemaCheck}).
 */
final class CamundaSchema {

    /** In the order the engine itself runs them (DbSqlSession#dbSchemaCreate). */
    static final List<String> SCRIPTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    private static final Pattern CREATE_TABLE =
            Pattern.compile("create\\s+table\\s+(act_\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEMA_LOG_VERSION = Pattern.compile(
            "insert\\s+into\\s+ACT_GE_SCHEMA_LOG\\s+values\\s*\\([^)]*'(\\d+\\.\\d+\\.\\d+)'\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private CamundaSchema() {}

    static Resource script(String name) {
        return new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + name + ".sql");
    }

    static String text(String name) {
        try {
            return script(name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Camunda's create script '" + name + "' is not on the class path", e);
        }
    }

    /** Every table the scripts create, lower case. */
    static Set<String> tables() {
        Set<String> tables = new TreeSet<>();
        for (String name : SCRIPTS) {
            Matcher table = CREATE_TABLE.matcher(text(name));
            while (table.find()) {
                tables.add(table.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** The version the engine script writes into its schema log, e.g. 7.24.0. */
    static String version() {
        Matcher version = SCHEMA_LOG_VERSION.matcher(text("engine"));
        if (!version.find()) {
            throw new IllegalStateException("Camunda's engine script records no schema version");
        }
        return version.group(1);
    }

    /** The Camunda tables present in the connection's current schema, lower case. */
    static Set<String> present(Connection connection) throws SQLException {
        Set<String> present = new TreeSet<>();
        try (var statement = connection.prepareStatement("select lower(table_name) from information_schema.tables "
                        + "where table_schema = current_schema() and lower(table_name) like 'act\\_%'");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                present.add(rows.getString(1));
            }
        }
        return present;
    }

    /** The newest version in the schema log, or null when there is none. */
    static String recordedVersion(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(
                        "select version_ from act_ge_schema_log order by timestamp_ desc, cast(id_ as bigint) desc "
                                + "limit 1");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static List<String> missing(Set<String> present) {
        List<String> missing = new ArrayList<>(tables());
        missing.removeAll(present);
        return missing;
    }
}
