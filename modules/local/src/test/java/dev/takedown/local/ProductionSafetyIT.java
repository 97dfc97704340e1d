package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.takedown.app.ProductionSafety;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In production, the application will not start with demo accounts. The check runs against the real account table
 * (which holds the demo accounts here); a second application context in this JVM would clash with the first one's
 * process engine, so the check is driven directly. Settings are ProductionSettingsTest's; the whole start is
 * ProductionStartIT's.
 */
class ProductionSafetyIT extends StackTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void demoAccountsStopTheStart() {
        Throwable refused = catchThrowable(() -> new ProductionSafety(jdbc, passwords).afterSingletonsInstantiated());

        assertThat(refused)
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("app_user 'admin': has the demo password")
                .hasMessageContaining("app_user 'rightsholder-a': has the demo password");
    }

    @Test
    void realSettingsAndPasswordsPass() {
        jdbc.execute("drop database if exists safety_check");
        jdbc.execute("create database safety_check");
        String url = TestInfrastructure.get().jdbcUrl().replaceFirst("/postgres(\\?|$)", "/safety_check$1");
        JdbcTemplate clean = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        clean.execute("create table app_user (username varchar(200), password_hash varchar(200), role varchar(40))");
        clean.update("insert into app_user values ('admin', ?, 'ADMIN')", passwords.encode("a long real secret"));

        assertThatCode(() -> new ProductionSafety(clean, passwords).afterSingletonsInstantiated())
                .doesNotThrowAnyException();
    }
}
