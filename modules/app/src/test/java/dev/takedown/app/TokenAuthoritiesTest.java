package dev.takedown.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenAuthoritiesTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("sub-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void keycloakRealmRolesAndOrganisationBecomeAuthorities() {
        var authentication = new TokenAuthorities()
                .convert(token(Map.of(
                        "realm_access",
                        Map.of("roles", List.of("RIGHTS_HOLDER", "offline_access", "uma_authorization")),
                        "organisation",
                        "org-a",
                        "preferred_username",
                        "alice")));

        assertThat(authentication.getName()).isEqualTo("alice");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_RIGHTS_HOLDER", "ORG_org-a");
    }

    @Test
    void plainRolesClaimWorksForOtherIssuersAndUnknownRolesAreDropped() {
        var authentication = new TokenAuthorities().convert(token(Map.of("roles", List.of("MODERATOR", "ROOT"))));

        assertThat(authentication.getName()).isEqualTo("sub-1");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_MODERATOR");
    }

    @Test
    void severalRolesResolveOnlyThroughTheDocumentedPrecedenceElseGrantNone() {
        var senior = new TokenAuthorities()
                .convert(token(Map.of("realm_access", Map.of("roles", List.of("MODERATOR", "SENIOR_MODERATOR")))));
        assertThat(senior.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .as("a composite senior role carries MODERATOR; the senior role includes it")
                .containsExactly("ROLE_SENIOR_MODERATOR");

        for (List<String> order :
                List.of(List.of("MODERATOR", "RIGHTS_HOLDER"), List.of("RIGHTS_HOLDER", "MODERATOR"))) {
            var mixed = new TokenAuthorities()
                    .convert(token(Map.of("realm_access", Map.of("roles", order), "organisation", "org-a")));
            assertThat(mixed.getAuthorities())
                    .extracting(GrantedAuthority::getAuthority)
                    .as("%s: neither the tenant's role nor the staff role, whatever the order", order)
                    .containsExactly("ORG_org-a");
        }
    }

    @Test
    void aTokenWithoutRolesGrantsNothing() {
        assertThat(new TokenAuthorities()
                        .convert(token(Map.of("scope", "openid")))
                        .getAuthorities())
                .isEmpty();
    }

    @Test
    void theRolesAndOrganisationClaimsAreConfigurable() {
        var authorities = new TokenAuthorities("resource_access.takedown-portal.roles", "tenant")
                .convert(token(Map.of(
                        "resource_access",
                        Map.of("takedown-portal", Map.of("roles", List.of("SENIOR_MODERATOR"))),
                        "realm_access",
                        Map.of("roles", List.of("ADMIN")),
                        "tenant",
                        "org-c")))
                .getAuthorities();

        assertThat(authorities)
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_SENIOR_MODERATOR", "ORG_org-c");
    }
}
