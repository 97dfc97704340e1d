package dev.takedown.kernel;

import static org.assertj.core.api.Assertions.assertThat;

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
}
