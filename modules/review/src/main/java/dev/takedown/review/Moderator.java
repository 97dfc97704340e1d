package dev.takedown.review;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A moderator and the queues they work: the candidate groups are role names, and senior moderators work the
 * ordinary queue too. Compliance officers work theirs: the restores that were not done in time.
 */
public record Moderator(String id, List<String> queues) {

    public static Moderator of(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
        List<String> queues = roles.contains("SENIOR_MODERATOR")
                ? List.of("MODERATOR", "SENIOR_MODERATOR")
                : roles.contains("MODERATOR")
                        ? List.of("MODERATOR")
                        : roles.contains("COMPLIANCE_OFFICER") ? List.of("COMPLIANCE_OFFICER") : List.of();
        return new Moderator(authentication.getName(), queues);
    }
}
