package dev.takedown.app;

import dev.takedown.testing.EmbeddedDatabase;
import dev.takedown.testing.FakeOidcProvider;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the sign-in tests: {@link SecurityOnlyApplication} on a random port, one context for all of them, with HTTP
 * Basic on the API (as in the local profile), bearer tokens signed by {@link TestTokens} and page sign-in through
 * {@link FakeOidcProvider}, all at once as a deployment may have them.
 */
@SpringBootTest(
        classes = SecurityOnlyApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.locations=classpath:db/migration/app", "takedown.security.api-basic-auth=true"})
// not production: the tests' accounts have the demo password, which ProductionSafety refuses there
@ActiveProfiles("test")
abstract class SecurityOnlyTest {

    static final FakeOidcProvider OIDC = FakeOidcProvider.start();

    /** Organisations and one account per role the tests use, password {@code demo}. */
    private static final String ACCOUNTS = """
            insert into organisation (id, name) values ('org-a', 'Studio A'), ('org-b', 'Studio B')
                on conflict do nothing;
            insert into app_user (username, password_hash, role, organisation_id) values
                ('rightsholder-a', '%1$s', 'RIGHTS_HOLDER', 'org-a'),
                ('rightsholder-b', '%1$s', 'RIGHTS_HOLDER', 'org-b'),
                ('moderator', '%1$s', 'MODERATOR', null),
                ('admin', '%1$s', 'ADMIN', null)
                on conflict do nothing;
            """.formatted(new BCryptPasswordEncoder(4).encode("demo"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> TestTokens.PUBLIC_KEY.toUri().toString());
        registry.add("takedown.oidc.issuer-uri", OIDC::issuer);
        registry.add("takedown.oidc.client-id", () -> FakeOidcProvider.CLIENT_ID);
        registry.add("takedown.oidc.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
        registry.add("takedown.oidc.name", () -> FakeOidcProvider.NAME);
    }

    @BeforeEach
    void accounts() {
        jdbc.execute(ACCOUNTS);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
