package dev.takedown.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the local profile the application refuses to run with demo settings: the demo link secret, a signing key
 * generated on the fly, or any account whose password is {@code demo}. It stops at start rather than serving
 * rights holders' and uploaders' data behind a password anyone can read in the README.
 */
@Component
@Profile("!local")
public class ProductionSafety implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";

    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public ProductionSafety(Environment environment, JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> problems = new ArrayList<>();
        String secret = environment.getProperty("takedown.links.secret", "");
        if (secret.contains("local-demo") || secret.contains("not-for-production")) {
            problems.add("takedown.links.secret is the demo secret");
        }
        if (environment.getProperty("takedown.audit.signing.generate-if-missing", Boolean.class, false)) {
            problems.add("takedown.audit.signing.generate-if-missing=true: supply the signing key instead");
        }
        // staff and service accounts, and the demo names: one BCrypt comparison each, once per start
        for (Map<String, Object> account : jdbc.queryForList("select username, password_hash from app_user "
                + "where role <> 'RIGHTS_HOLDER' or username in ('rightsholder-a', 'rightsholder-b')")) {
            if (passwords.matches(DEMO_PASSWORD, (String) account.get("password_hash"))) {
                problems.add("account '" + account.get("username") + "' has the demo password");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Refusing to start outside the local profile with demo settings: " + String.join("; ", problems));
        }
    }
}
