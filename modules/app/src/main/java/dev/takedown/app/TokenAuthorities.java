package dev.takedown.app;

import dev.takedown.notices.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps an OIDC access token to Takedown's roles: Keycloak's {@code realm_access.roles} (or a plain {@code roles}
 * claim from other issuers), keeping only the roles Takedown knows, and the rights holder's organisation from the
 * {@code organisation} claim. The user is the token's {@code preferred_username}, else its subject.
 */
public class TokenAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final Set<String> ROLES = Set.of("RIGHTS_HOLDER", "MODERATOR", "SENIOR_MODERATOR",
            "COMPLIANCE_OFFICER", "ADMIN", "PLATFORM_SERVICE");

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles(jwt).stream().filter(ROLES::contains).distinct()
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        String organisation = jwt.getClaimAsString("organisation");
        if (organisation != null && !organisation.isBlank()) {
            authorities.add(new SimpleGrantedAuthority(Reader.ORGANISATION_PREFIX + organisation));
        }
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
    }

    private static Collection<String> roles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> realmRoles) {
            return realmRoles.stream().map(String::valueOf).toList();
        }
        List<String> plain = jwt.getClaimAsStringList("roles");
        return plain == null ? List.of() : plain;
    }
}
