package dev.takedown.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling, as every module's API and pages see it: the account, its role and, for a rights holder, its
 * organisation. A rights holder reads only its organisation's cases; platform staff read all, and each of their
 * reads goes on the access log.
 */
public record Caller(String actor, String organisationId, String role) {

    /** Authority that carries a rights holder's organisation, next to its {@code ROLE_} authority. */
    public static final String ORGANISATION_PREFIX = "ORG_";

    private static final Set<String> STAFF = Set.of("MODERATOR", "SENIOR_MODERATOR", "COMPLIANCE_OFFICER", "ADMIN");

    /** Staff is decided by role, never by a missing organisation, so a misconfigured account sees less, not more. */
    public boolean isStaff() {
        return role != null && STAFF.contains(role);
    }

    public boolean mayRead(String caseOrganisationId) {
        return isStaff() || (organisationId != null && organisationId.equals(caseOrganisationId));
    }

    /**
     * The caller's one role, never chosen by the order an issuer lists them: a senior moderator's token may carry
     * {@code MODERATOR} too (a composite role), and the senior role includes it; any other pair (a rights holder who is
     * also a moderator, an administrator who is also a compliance officer) is ambiguous and refused, because tenancy,
     * staff reads and the ledger's actor role all hang on the one role.
     *
     * @throws AmbiguousRoleException when several roles remain
     */
    public static Optional<String> role(Collection<String> roles) {
        Set<String> held = new TreeSet<>(roles);
        if (held.contains("SENIOR_MODERATOR")) {
            held.remove("MODERATOR");
        }
        if (held.size() > 1) {
            throw new AmbiguousRoleException(held);
        }
        return held.stream().findFirst();
    }

    /** @throws AmbiguousRoleException when the authentication carries several roles (see {@link #role}) */
    public static Caller of(Authentication authentication) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        String organisation = null;
        List<String> roles = new ArrayList<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name.startsWith(ORGANISATION_PREFIX)) {
                organisation = name.substring(ORGANISATION_PREFIX.length());
            } else if (name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()));
            }
        }
        return new Caller(authentication.getName(), organisation, role(roles).orElse(null));
    }

    /** Several roles that no precedence resolves: the caller may do nothing until an administrator picks one. */
    public static final class AmbiguousRoleException extends AccessDeniedException {

        public AmbiguousRoleException(Set<String> roles) {
            super("The account holds several roles " + roles + "; Takedown acts with exactly one");
        }
    }
}
