package dev.takedown.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class CallerTest {

    @Test
    void rightsHolderReadsOnlyItsOrganisation() {
        Caller caller = Caller.of(new UsernamePasswordAuthenticationToken(
                "a", null, AuthorityUtils.createAuthorityList("ROLE_RIGHTS_HOLDER", "ORG_org-a")));

        assertThat(caller.isStaff()).isFalse();
        assertThat(caller.mayRead("org-a")).isTrue();
        assertThat(caller.mayRead("org-b")).isFalse();
    }

    @Test
    void rightsHolderWithoutOrganisationReadsNothing() {
        Caller caller = Caller.of(new UsernamePasswordAuthenticationToken(
                "a", null, AuthorityUtils.createAuthorityList("ROLE_RIGHTS_HOLDER")));

        assertThat(caller.mayRead("org-a")).isFalse();
        assertThat(caller.mayRead(null)).isFalse();
    }

    @Test
    void staffReadsEveryCase() {
        Caller caller = Caller.of(new UsernamePasswordAuthenticationToken(
                "c", null, AuthorityUtils.createAuthorityList("ROLE_COMPLIANCE_OFFICER")));

        assertThat(caller.isStaff()).isTrue();
        assertThat(caller.mayRead("org-b")).isTrue();
    }

    @Test
    void aSeniorModeratorsCompositeRoleResolvesToTheSeniorRoleInEitherOrder() {
        for (List<String> order : List.of(
                List.of("ROLE_MODERATOR", "ROLE_SENIOR_MODERATOR"),
                List.of("ROLE_SENIOR_MODERATOR", "ROLE_MODERATOR"))) {
            Caller caller = Caller.of(
                    new UsernamePasswordAuthenticationToken("s", null, AuthorityUtils.createAuthorityList(order)));
            assertThat(caller.role()).as(order.toString()).isEqualTo("SENIOR_MODERATOR");
        }
    }

    @Test
    void aRightsHolderWhoIsAlsoStaffIsRefusedWhicheverRoleComesFirst() {
        // the order of authorities decided this before: first came, first served, and a rights holder listed
        // after MODERATOR read every organisation's cases
        for (List<String> order : List.of(
                List.of("ROLE_MODERATOR", "ROLE_RIGHTS_HOLDER", "ORG_org-a"),
                List.of("ROLE_RIGHTS_HOLDER", "ORG_org-a", "ROLE_MODERATOR"))) {
            assertThatThrownBy(() -> Caller.of(new UsernamePasswordAuthenticationToken(
                            "x", null, AuthorityUtils.createAuthorityList(order))))
                    .as(order.toString())
                    .isInstanceOf(Caller.AmbiguousRoleException.class)
                    .hasMessageContaining("MODERATOR")
                    .hasMessageContaining("RIGHTS_HOLDER");
        }
        assertThatThrownBy(() -> Caller.role(List.of("ADMIN", "COMPLIANCE_OFFICER")))
                .isInstanceOf(Caller.AmbiguousRoleException.class);
        assertThatThrownBy(() -> Caller.role(List.of("SENIOR_MODERATOR", "MODERATOR", "PLATFORM_SERVICE")))
                .isInstanceOf(Caller.AmbiguousRoleException.class);
    }

    @Test
    void oneRoleOrNoneIsNoQuestion() {
        assertThat(Caller.role(List.of("COMPLIANCE_OFFICER"))).contains("COMPLIANCE_OFFICER");
        assertThat(Caller.role(List.of("MODERATOR", "MODERATOR"))).contains("MODERATOR");
        assertThat(Caller.role(List.of())).isEmpty();
    }
}
