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
            // a second senior, so that the demo can confirm a high-impact decision (four eyes)
            new Account("senior2", "SENIOR_MODERATOR", null),
            new Account("compliance", "COMPLIANCE_OFFICER", null),
            new Account("admin", "ADMIN", null),
            new Account("platform", "PLATFORM_SERVICE", "org-platform"),
            new Account("platform-b", "PLATFORM_SERVICE", "org-partner"),
            new Account("monitoring", "MONITORING", null));

    /**
     * BCrypt at strength 4 rather than the application's 10. The strength is part of the hash, so checking these
     * passwords costs 2^4 rounds instead of 2^10 (about 4 ms instead of 75 to 290 ms on the tests' C1-only JVMs on a
     * busy 2-core machine, where every API request signs in with HTTP Basic) while every other account keeps the
     * default. Guessing them needs no speed: the password is in the README, and outside the local profile
     * {@code ProductionSafety} refuses to start while any account has it.
     */
    private static final BCryptPasswordEncoder DEMO_HASH = new BCryptPasswordEncoder(4);

    private final JdbcTemplate jdbc;

    DemoAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.update("insert into organisation (id, name) values ('org-a', 'Studio A (demo rights holder)'), "
                + "('org-b', 'Studio B (demo rights holder)'), ('org-platform', 'Demo platform (model owner)'), "
                + "('org-partner', 'Partner studio (demo model owner)') on conflict do nothing");
        String hash = DEMO_HASH.encode("demo");
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
