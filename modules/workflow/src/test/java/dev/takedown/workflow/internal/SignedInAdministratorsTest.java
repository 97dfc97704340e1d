package dev.takedown.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockHttpServletRequest;

/** An administrator our sign-on admitted reaches Cockpit whether or not Camunda knew their name. */
class SignedInAdministratorsTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-unit.cfg.xml")
            .build();

    private final SignedInAdministrators provider = new SignedInAdministrators();

    @Test
    void anAdministratorCamundaDidNotKnowIsCreatedOnTheFirstVisitOnce() {
        ProcessEngine engine = ENGINE.getProcessEngine();
        assertThat(AuthenticationUtil.createAuthentication(engine, "alice.ops@platform.test"))
                .as("what the webapps' filter got before: nothing, then a NullPointerException")
                .isNull();

        AuthenticationResult first = provider.extractAuthenticatedUser(as("alice.ops@platform.test"), engine);
        AuthenticationResult again = provider.extractAuthenticatedUser(as("alice.ops@platform.test"), engine);

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(again.isAuthenticated()).isTrue();
        assertThat(engine.getIdentityService()
                        .createUserQuery()
                        .userId("alice.ops@platform.test")
                        .count())
                .isEqualTo(1);
        assertThat(AuthenticationUtil.createAuthentication(engine, "alice.ops@platform.test"))
                .isNotNull()
                .satisfies(auth -> assertThat(auth.getAuthorizedApps()).contains("cockpit", "tasklist", "admin"));
    }

    @Test
    void aNameCamundaRefusesAsAnIdIsNotAdmitted() {
        AuthenticationResult result =
                provider.extractAuthenticatedUser(as("<script>admin</script>"), ENGINE.getProcessEngine());

        assertThat(result.isAuthenticated()).isFalse();
        assertThat(ENGINE.getProcessEngine()
                        .getIdentityService()
                        .createUserQuery()
                        .userId("<script>admin</script>")
                        .count())
                .isZero();
    }

    @Test
    void nobodySignedInIsNobody() {
        assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), ENGINE.getProcessEngine())
                        .isAuthenticated())
                .isFalse();
    }

    private static MockHttpServletRequest as(String name) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setUserPrincipal(() -> name);
        return request;
    }
}
