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

/**
 * Demo organisations and one account per role, password {@code demo}; only in the local profile. The platform
 * accounts act for model owners ({@code takedown.remediation.owners}): {@code platform} for the default owner,
 * {@code platform-b} for a partner studio that owns one model and one generation service.
 */
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
            new Account("platform", "PLATFORM_SERVICE", "org-platform"),
            new Account("platform-b", "PLATFORM_SERVICE", "org-partner"),
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
                + "('org-b', 'Studio B (demo rights holder)'), ('org-platform', 'Demo platform (model owner)'), "
                + "('org-partner', 'Partner studio (demo model owner)') on conflict do nothing");
        String hash = passwords.encode("demo");
        int created = 0;
        for (Account account : ACCOUNTS) {
            // a demo database from before platform accounts had an organisation gets it now
            created += jdbc.update(
                    "insert into app_user (username, password_hash, role, organisation_id) values (?, ?, ?, ?) "
                            + "on conflict (username) do update set organisation_id = excluded.organisation_id "
                            + "where app_user.organisation_id is distinct from excluded.organisation_id",
                    account.username(),
                    hash,
                    account.role(),
                    account.organisation());
        }
        log.info(
                "Demo accounts ready ({} new or updated): {} — password 'demo'",
                created,
                ACCOUNTS.stream().map(Account::username).toList());
    }
}
