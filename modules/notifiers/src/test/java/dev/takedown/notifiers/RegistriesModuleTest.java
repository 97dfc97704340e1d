package dev.takedown.notifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.events.RegistryEntryChanged;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.testing.EmbeddedDatabase;
import dev.takedown.testing.MovingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The notifiers module alone on real PostgreSQL and a clock the test moves: a trusted flagger (DSA Art. 22) or an
 * authority order (Art. 9) holds only by matching a registry entry (the credential bound to it, the day within its
 * validity, the notice's area within its expertise, the order's legal basis among the authority's), and every
 * registration and revocation is a published fact with its reasons.
 */
@ApplicationModuleTest
@TestPropertySource(
        properties = {
            "spring.flyway.locations=classpath:db/migration/notifiers",
            "spring.kafka.listener.auto-startup=false",
            "takedown.links.secret=a-secret-for-the-module-test-only-0123456789"
        })
class RegistriesModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }

    @TestConfiguration
    static class Time {

        // declared as a Clock: a module test drops beans whose declared type lies in another module's package
        @Bean
        Clock clock() {
            return new MovingClock(Instant.parse("2026-03-02T08:00:00Z"));
        }
    }

    @Autowired
    Registries registries;

    @Autowired
    NotifierStatuses statuses;

    @Autowired
    MovingClock clock;

    @Test
    void aTrustedFlaggerHoldsTheStatusOnlyThroughItsCredentialInItsAreasWhileValid(PublishedEvents events) {
        String key = "api-key:" + UUID.randomUUID();
        TrustedFlagger flagger = registries.register(
                new TrustedFlaggerDetails(
                        "Anti-Piracy Alliance",
                        "Coimisiún na Meán",
                        "ie",
                        List.of("intellectual_property_infringements", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD"),
                        "2026-03-01",
                        "2026-03-31",
                        List.of(key)),
                "compliance");

        assertThat(flagger.coordinatorCountry()).isEqualTo("IE");
        assertThat(check(key, "TRUSTED_FLAGGER", null, "COPYRIGHT_REPRODUCTION"))
                .satisfies(c -> assertThat(c.verified()).isTrue())
                .satisfies(c -> assertThat(c.entryId()).isEqualTo(flagger.id()))
                .satisfies(c -> assertThat(c.notifierType("RIGHTS_HOLDER")).isEqualTo("TRUSTED_FLAGGER"));
        assertThat(statuses.check(new StatusClaim(
                                key, null, flagger.id(), "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", null, null))
                        .verified())
                .as("claimed by trusted_flagger_id, in another of its areas")
                .isTrue();
        assertThat(statuses.check(new StatusClaim(key, null, "TF-other", null, "COPYRIGHT", null))
                        .refusal())
                .contains("not the entry");

        assertThat(check("api-key:someone-else", "TRUSTED_FLAGGER", null, "COPYRIGHT"))
                .satisfies(c -> assertThat(c.verified()).isFalse())
                .satisfies(c -> assertThat(c.refusal()).contains("no trusted flagger"))
                .satisfies(c -> assertThat(c.notifierType("TRUSTED_FLAGGER")).isEqualTo(StatusCheck.ORDINARY));
        assertThat(check(key, "TRUSTED_FLAGGER", null, "PERSONAL_INFO").refusal())
                .contains("DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", "outside the areas");
        assertThat(check(key, "TRUSTED_FLAGGER", "NOT_A_CATEGORY", null).refusal())
                .contains("claim.category");

        clock.advance(Duration.ofDays(29));
        assertThat(check(key, "TRUSTED_FLAGGER", null, "COPYRIGHT").verified())
                .as("the last day of validity")
                .isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(check(key, "TRUSTED_FLAGGER", null, "COPYRIGHT").refusal()).contains("does not apply on 2026-04-01");

        assertThat(events.ofType(RegistryEntryChanged.class)
                        .matching(e -> e.entryId().equals(flagger.id())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.change()).isEqualTo("REGISTERED");
                    assertThat(e.registry()).isEqualTo("TRUSTED_FLAGGER");
                    assertThat(e.actor()).isEqualTo("compliance");
                    assertThat(e.entry()).containsEntry("credentials", List.of(key));
                });
    }

    @Test
    void aRevokedFlaggerClaimsInVainAndTheRevocationStatesItsReasons(PublishedEvents events) {
        String key = "api-key:" + UUID.randomUUID();
        TrustedFlagger flagger = registries.register(flaggerWith(key), "compliance");

        assertThatThrownBy(() -> registries.revokeTrustedFlagger(flagger.id(), " ", "compliance"))
                .isInstanceOfSatisfying(
                        InvalidRegistryEntryException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("reason"));
        TrustedFlagger revoked =
                registries.revokeTrustedFlagger(flagger.id(), "status revoked by the coordinator", "compliance");

        assertThat(revoked.revoked()).isTrue();
        assertThat(check(key, "TRUSTED_FLAGGER", null, "COPYRIGHT").refusal()).contains("revoked");
        assertThatThrownBy(() -> registries.revokeTrustedFlagger(flagger.id(), "again", "compliance"))
                .isInstanceOf(RegistryConflictException.class);
        assertThat(registries.register(flaggerWith(key), "compliance").credentials())
                .as("the credential is free again once its entry is revoked")
                .containsExactly(key);
        assertThat(events.ofType(RegistryEntryChanged.class)
                        .matching(e -> e.change().equals("REVOKED")))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("status revoked by the coordinator"));
    }

    @Test
    void aBadEntryNamesEachFieldAndACredentialBindsToOneEntry() {
        assertThatThrownBy(() -> registries.register(
                        new TrustedFlaggerDetails(" ", "DSC", "US", List.of("PIRACY"), "2026-13-01", null, List.of()),
                        "compliance"))
                .isInstanceOfSatisfying(
                        InvalidRegistryEntryException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .contains("entity", "coordinator_country", "valid_from", "credentials")
                                .anyMatch(field -> field.startsWith("areas")));

        String key = "api-key:" + UUID.randomUUID();
        registries.register(flaggerWith(key), "compliance");
        assertThatThrownBy(() -> registries.register(
                        new AuthorityDetails(
                                "Court", "DE", "JUDICIAL", "court@example.test", List.of("DSA Art. 9"), List.of(key)),
                        "compliance"))
                .isInstanceOfSatisfying(
                        RegistryConflictException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("credentials[0]"));
    }

    @Test
    void anAuthorityOrderHoldsThroughTheAuthoritysCredentialUnderOneOfItsLegalBases() {
        String account = "authority-" + UUID.randomUUID();
        CompetentAuthority authority = registries.register(
                new AuthorityDetails(
                        "Landgericht Hamburg",
                        "de",
                        "judicial",
                        "poststelle@lg-hamburg.example",
                        List.of("DSA Art. 9", "UrhG § 97"),
                        List.of(account)),
                "compliance");

        assertThat(authority.kind()).isEqualTo(AuthorityKind.JUDICIAL);
        assertThat(statuses.check(new StatusClaim(account, "AUTHORITY_ORDER", null, null, null, "dsa art. 9")))
                .satisfies(c -> assertThat(c.verified()).isTrue())
                .satisfies(c -> assertThat(c.entryName()).isEqualTo("Landgericht Hamburg"))
                .satisfies(c -> assertThat(c.memberState())
                        .as("the order's member state, for the Art. 15(1)(a) figures")
                        .isEqualTo("DE"));
        assertThat(statuses.check(new StatusClaim(account, "AUTHORITY_ORDER", null, null, null, "GDPR Art. 17"))
                        .refusal())
                .contains("not a legal basis");
        assertThat(statuses.check(new StatusClaim(account, "AUTHORITY_ORDER", null, null, null, null))
                        .refusal())
                .contains("claim.legal_basis");
        String beijing = "authority-" + UUID.randomUUID();
        registries.register(
                new AuthorityDetails(
                        "Beijing Internet Court",
                        "CN",
                        "judicial",
                        "court@bjinternetcourt.example",
                        List.of("Civil Code Art. 1195"),
                        List.of(beijing)),
                "compliance");
        assertThat(statuses.check(
                        new StatusClaim(beijing, "AUTHORITY_ORDER", null, null, null, "Civil Code Art. 1195")))
                .as("an authority outside the EU and the EEA orders under no member state")
                .satisfies(c -> assertThat(c.verified()).isTrue())
                .satisfies(c -> assertThat(c.memberState()).isNull());
        assertThat(statuses.check(new StatusClaim("someone", "AUTHORITY_ORDER", null, null, null, "DSA Art. 9")))
                .satisfies(c -> assertThat(c.verified()).isFalse())
                .satisfies(c -> assertThat(c.notifierType("AUTHORITY_ORDER")).isEqualTo(StatusCheck.ORDINARY));
        assertThat(statuses.check(new StatusClaim(null, "RIGHTS_HOLDER", null, null, "COPYRIGHT", null)))
                .as("nothing claimed, nothing checked")
                .satisfies(c -> assertThat(c.unverified()).isFalse())
                .satisfies(c -> assertThat(c.notifierType("rights_holder")).isEqualTo("RIGHTS_HOLDER"));
    }

    private StatusCheck check(String credential, String type, String category, String rightType) {
        return statuses.check(new StatusClaim(credential, type, null, category, rightType, null));
    }

    private static TrustedFlaggerDetails flaggerWith(String credential) {
        return new TrustedFlaggerDetails(
                "Rights Watch",
                "Coimisiún na Meán",
                "IE",
                List.of("INTELLECTUAL_PROPERTY_INFRINGEMENTS"),
                "2026-01-01",
                null,
                List.of(credential));
    }
}
