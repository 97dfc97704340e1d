package dev.takedown.app;

import dev.takedown.kernel.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps the claims of an OIDC token to Takedown's roles, for API bearer tokens and for page sign-in through the same
 * issuer alike: the roles claim (a dotted path, by default Keycloak's {@code realm_access.roles}, else a plain
 * {@code roles} claim as other issuers send it), keeping only the roles Takedown knows, and the rights holder's
 * organisation from the organisation claim. The user is the token's {@code preferred_username}, else its subject.
 */
public class TokenAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final Set<String> ROLES = Set.of(
            "RIGHTS_HOLDER",
            "MODERATOR",
            "SENIOR_MODERATOR",
            "COMPLIANCE_OFFICER",
            "ADMIN",
            "PLATFORM_SERVICE",
            "MONITORING");

    private static final Logger LOG = LoggerFactory.getLogger(TokenAuthorities.class);

    private final String rolesClaim;
    private final String organisationClaim;

    public TokenAuthorities() {
        this("realm_access.roles", "organisation");
    }

    public TokenAuthorities(String rolesClaim, String organisationClaim) {
        this.rolesClaim = rolesClaim;
        this.organisationClaim = organisationClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), name(jwt.getClaims()));
    }

    /**
     * The one known role as {@code ROLE_*} ({@link Caller#role}: a senior moderator's {@code MODERATOR} is dropped)
     * and the organisation as {@code ORG_*}. Several roles grant none: the API answers 403 and page sign-in is refused,
     * instead of the issuer's order deciding whether a rights holder who is also a moderator reads every tenant.
     */
    public List<GrantedAuthority> authorities(Map<String, Object> claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> known = roles(claims).stream().filter(ROLES::contains).toList();
        try {
            Caller.role(known).ifPresent(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        } catch (Caller.AmbiguousRoleException e) {
            LOG.warn("token of {} grants no role: {}", claims.get(nameClaim(claims)), e.getMessage());
        }
        if (claim(claims, organisationClaim) instanceof String organisation && !organisation.isBlank()) {
            authorities.add(new SimpleGrantedAuthority(Caller.ORGANISATION_PREFIX + organisation));
        }
        return authorities;
    }

    /** The claim that names the user: {@code preferred_username} where the issuer sends it, else {@code sub}. */
    public static String nameClaim(Map<String, Object> claims) {
        return claims.get("preferred_username") instanceof String name && !name.isBlank()
                ? "preferred_username"
                : "sub";
    }

    private static String name(Map<String, Object> claims) {
        return String.valueOf(claims.get(nameClaim(claims)));
    }

    private Collection<String> roles(Map<String, Object> claims) {
        Object roles = claim(claims, rolesClaim);
        if (!(roles instanceof Collection<?>)) {
            roles = claims.get("roles");
        }
        return roles instanceof Collection<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    /** A claim by dotted path into nested objects, e.g. {@code realm_access.roles}; null where a step is missing. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(step);
        }
        return value;
    }
}
