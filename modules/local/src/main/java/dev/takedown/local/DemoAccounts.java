package dev.takedown.local;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
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
            new Account("platform", "PLATFORM_SERVICE", null));

    /**
     * BCrypt at strength 4 rather than the application's 10. The strength is part of the hash, so checking these
     * passwords costs 2^4 rounds instead of 2^10 (about 2 ms instead of 75 ms or more on the tests' C1-only JVMs, where
     * every API request signs in with HTTP Basic) while every other account keeps the default. Guessing them needs no speed: the password is in the README, and
     * outside the local profile {@code ProductionSafety} refuses to start while any account has it.
     */
    private static final BCryptPasswordEncoder DEMO_HASH = new BCryptPasswordEncoder(4);

    private final JdbcTemplate jdbc;

    DemoAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.update("insert into organisation (id, name) values ('org-a', 'Studio A (demo rights holder)'), "
                + "('org-b', 'Studio B (demo rights holder)') on conflict do nothing");
        String hash = DEMO_HASH.encode("demo");
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
