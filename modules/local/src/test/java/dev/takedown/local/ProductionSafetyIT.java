package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.takedown.app.ProductionSafety;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Outside the local profile, the application will not start with demo accounts, secrets or generated keys. The
 * check runs against the real account table (which holds the demo accounts here); a second application context in
 * this JVM would clash with the first one's process engine, so the check is driven directly.
 */
class ProductionSafetyIT extends StackTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void demoSettingsStopTheStart() {
        MockEnvironment demo = new MockEnvironment()
                .withProperty("takedown.links.secret", "local-demo-secret-not-for-production-0123456789")
                .withProperty("takedown.audit.signing.generate-if-missing", "true");

        Throwable refused = catchThrowable(
                () -> new ProductionSafety(demo, jdbc, passwords).run(new DefaultApplicationArguments()));

        assertThat(refused)
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("takedown.links.secret is the demo secret")
                .hasMessageContaining("generate-if-missing")
                .hasMessageContaining("account 'admin' has the demo password")
                .hasMessageContaining("account 'rightsholder-a' has the demo password");
    }

    @Test
    void realSettingsAndPasswordsPass() {
        jdbc.execute("drop database if exists safety_check");
        jdbc.execute("create database safety_check");
        String url = TestInfrastructure.get().jdbcUrl().replaceFirst("/postgres(\\?|$)", "/safety_check$1");
        JdbcTemplate clean = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        clean.execute("create table app_user (username varchar(200), password_hash varchar(200), role varchar(40))");
        clean.update("insert into app_user values ('admin', ?, 'ADMIN')", passwords.encode("a long real secret"));
        MockEnvironment production =
                new MockEnvironment().withProperty("takedown.links.secret", "4f1c0d7e2b9a8c6e5d3f1a0b9c8d7e6f5a4b3c2d");

        assertThatCode(() -> new ProductionSafety(production, clean, passwords).run(new DefaultApplicationArguments()))
                .doesNotThrowAnyException();
    }
}
