package dev.takedown.app;

import dev.takedown.app.UnsafeProductionSettings.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In production (no local, test or demo profile) the application refuses to run with demo accounts: any staff or
 * service account, or a demo name, whose password is {@code demo}. It needs the migrated database, so it runs once
 * every singleton exists (Flyway has migrated, the engine is built but runs no job) and before any lifecycle starts:
 * the web server binds its port in phase {@code Integer.MAX_VALUE - 2048}, Kafka's listener containers start in phase
 * {@code Integer.MAX_VALUE - 100}, scheduled tasks on the refreshed context, and Camunda's job executor on
 * ApplicationReadyEvent after all of them. Being a component of this module, it is called before the auto-configured
 * singletons that act at that point (the outbox's republication of unsent events, Kafka's topic creation). What
 * properties alone decide is {@link ProductionSettings}'.
 */
@Component
@Profile("!local & !test & !demo")
public class ProductionSafety implements SmartInitializingSingleton {

    static final String DEMO_PASSWORD = "demo";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public ProductionSafety(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Finding> findings = new ArrayList<>();
        // staff and service accounts, and the demo names: one BCrypt comparison each, once per start
        for (Map<String, Object> account : jdbc.queryForList("select username, password_hash from app_user "
                + "where role <> 'RIGHTS_HOLDER' or username in ('rightsholder-a', 'rightsholder-b')")) {
            if (passwords.matches(DEMO_PASSWORD, (String) account.get("password_hash"))) {
                findings.add(new Finding(
                        "app_user '" + account.get("username") + "'",
                        "has the demo password, which the README publishes",
                        "set a real password (or disable the account: update app_user set enabled = false)"));
            }
        }
        if (!findings.isEmpty()) {
            throw new UnsafeProductionSettings(findings);
        }
    }
}
