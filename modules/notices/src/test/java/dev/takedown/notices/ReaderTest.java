package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class ReaderTest {

    @Test
    void rightsHolderReadsOnlyItsOrganisation() {
        Reader reader = Reader.of(new UsernamePasswordAuthenticationToken(
                "a", null, AuthorityUtils.createAuthorityList("ROLE_RIGHTS_HOLDER", "ORG_org-a")));

        assertThat(reader.isStaff()).isFalse();
        assertThat(reader.mayRead("org-a")).isTrue();
        assertThat(reader.mayRead("org-b")).isFalse();
    }

    @Test
    void rightsHolderWithoutOrganisationReadsNothing() {
        Reader reader = Reader.of(new UsernamePasswordAuthenticationToken(
                "a", null, AuthorityUtils.createAuthorityList("ROLE_RIGHTS_HOLDER")));

        assertThat(reader.mayRead("org-a")).isFalse();
        assertThat(reader.mayRead(null)).isFalse();
    }

    @Test
    void staffReadsEveryCase() {
        Reader reader = Reader.of(new UsernamePasswordAuthenticationToken(
                "c", null, AuthorityUtils.createAuthorityList("ROLE_COMPLIANCE_OFFICER")));

        assertThat(reader.isStaff()).isTrue();
        assertThat(reader.mayRead("org-b")).isTrue();
    }
}
