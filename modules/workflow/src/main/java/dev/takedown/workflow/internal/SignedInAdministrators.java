package dev.takedown.workflow.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * The administrator our sign-on admitted, as Camunda's webapps need them. The webapps look the name up in Camunda's
 * own user table and fail with a 500 for one they do not know: every administrator signed in through OIDC, and every
 * administrator in production, where no Camunda user is configured. So the user is created on the first visit, with a
 * random password nobody uses ({@code /camunda/**} is reached only through our sign-on), and Cockpit's operation log
 * names the real administrator. A name Camunda refuses as an id is not admitted (401), never a 500.
 */
public class SignedInAdministrators extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        if (result.isAuthenticated() && !known(engine.getIdentityService(), result.getAuthenticatedUser())) {
            return AuthenticationResult.unsuccessful(result.getAuthenticatedUser());
        }
        return result;
    }

    /** Whether Camunda knows the user now, creating them if needed. */
    static boolean known(IdentityService identity, String userId) {
        if (exists(identity, userId)) {
            return true;
        }
        User user = identity.newUser(userId);
        user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
        try {
            identity.saveUser(user);
            return true;
        } catch (ProcessEngineException refusedOrRaced) {
            // an id outside Camunda's pattern, or another request created the user first
            return exists(identity, userId);
        }
    }

    private static boolean exists(IdentityService identity, String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }
}
