package dev.takedown.local;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Demo organisations and one account per role, password {@code demo}; only in the local profile. */
@Component
@Profile("local")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Account(String username, String role, String organisation) {}

    static final List<Account> ACCOUNTS = List.of(
            new Account("rightsholder-a", "RIGHTS_HOLDER", "org-a"),
            new Account("rightsholder-b", "RIGHTS_HOLDER", "org-b"),
            new Account("moderator", "MODERATOR", null),
            new Account("senior", "SENIOR_MODERATOR", null),
            new Account("compliance", "COMPLIANCE_OFFICER", null),
            new Account("admin", "ADMIN", null),
            new Account("platform", "PLATFORM_SERVICE", null),
            new Account("monitoring", "MONITORING", null));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    DemoAccounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.update("insert into organisation (id, name) values ('org-a', 'Studio A (demo rights holder)'), "
                + "('org-b', 'Studio B (demo rights holder)') on conflict do nothing");
        String hash = passwords.encode("demo");
        int created = 0;
        for (Account account : ACCOUNTS) {
            created += jdbc.update(
                    "insert into app_user (username, password_hash, role, organisation_id) "
                            + "values (?, ?, ?, ?) on conflict do nothing",
                    account.username(),
                    hash,
                    account.role(),
                    account.organisation());
        }
        log.info(
                "Demo accounts ready ({} new): {} — password 'demo'",
                created,
                ACCOUNTS.stream().map(Account::username).toList());
    }
}
