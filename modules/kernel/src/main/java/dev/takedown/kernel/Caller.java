package dev.takedown.kernel;

import java.util.Collection;
import java.util.Set;
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

    public static Caller of(Authentication authentication) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        String organisation = null;
        String role = null;
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name.startsWith(ORGANISATION_PREFIX)) {
                organisation = name.substring(ORGANISATION_PREFIX.length());
            } else if (name.startsWith("ROLE_") && role == null) {
                role = name.substring("ROLE_".length());
            }
        }
        return new Caller(authentication.getName(), organisation, role);
    }
}
