package dev.takedown.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Optional page sign-in through any OpenID Connect issuer, beside the form login: authorization code flow with PKCE
 * and a nonce, as a confidential client. On when {@code takedown.oidc.issuer-uri} is set. Roles and organisation come
 * from the ID token (and user info) exactly as {@link TokenAuthorities} reads API bearer tokens; a user without a
 * role Takedown knows is refused with a message on the login page. The issuer's metadata is fetched at the first
 * sign-in, not at start, so an issuer outage leaves the form login working.
 */
@Component
class OidcLogin {

    static final String REGISTRATION_ID = "oidc";
    static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + REGISTRATION_ID;
    /** The {@code ?oidc=} values the login page explains; anything else is ignored. */
    static final Set<String> PROBLEMS = Set.of("no-role", "refused", "unavailable");

    private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);
    private static final String NO_ROLE = "takedown_no_role";

    private final String issuer;
    private final String discovery;
    private final String clientId;
    private final String clientSecret;
    private final String name;
    private final TokenAuthorities tokenAuthorities;
    private final OidcUserService users = new OidcUserService();
    private volatile ClientRegistration registration;

    OidcLogin(
            @Value("${takedown.oidc.issuer-uri:}") String issuer,
            @Value("${takedown.oidc.discovery-uri:}") String discovery,
            @Value("${takedown.oidc.client-id:}") String clientId,
            @Value("${takedown.oidc.client-secret:}") String clientSecret,
            @Value("${takedown.oidc.name:OpenID Connect}") String name,
            @Value("${takedown.oidc.roles-claim:realm_access.roles}") String rolesClaim,
            @Value("${takedown.oidc.organisation-claim:organisation}") String organisationClaim) {
        this.issuer = issuer.strip();
        this.discovery = discovery.isBlank()
                ? this.issuer.replaceFirst("/$", "") + "/.well-known/openid-configuration"
                : discovery.strip();
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.name = name;
        this.tokenAuthorities = new TokenAuthorities(rolesClaim, organisationClaim);
        if (enabled() && (clientId.isBlank() || clientSecret.isBlank())) {
            throw new IllegalStateException("takedown.oidc.issuer-uri is set: set takedown.oidc.client-id and "
                    + "takedown.oidc.client-secret too");
        }
    }

    boolean enabled() {
        return !issuer.isEmpty();
    }

    /** The provider's name on the sign-in button. */
    String name() {
        return name;
    }

    /** Role and organisation mapping shared by bearer tokens (API) and ID tokens (pages). */
    TokenAuthorities tokenAuthorities() {
        return tokenAuthorities;
    }

    /** Adds the OIDC sign-in to the pages chain, when configured. */
    void configure(HttpSecurity http) throws Exception {
        if (!enabled()) {
            return;
        }
        http.oauth2Login(login -> login
                // our login page offers both ways; without it Spring would send everyone straight to the issuer
                .loginPage("/login")
                .clientRegistrationRepository(this::registration)
                // the tokens are not used after sign-in: they live in the session and end with it
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::user))
                .defaultSuccessUrl("/", true)
                .failureHandler((request, response, failure) -> refused(
                        request,
                        response,
                        failure instanceof OAuth2AuthenticationException oauth
                                        && NO_ROLE.equals(oauth.getError().getErrorCode())
                                ? "no-role"
                                : "refused",
                        failure))
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // the issuer's metadata could not be fetched: say so instead of answering 500
                        filter.setAuthenticationFailureHandler(
                                (request, response, failure) -> refused(request, response, "unavailable", failure));
                        return filter;
                    }
                }));
    }

    private ClientRegistration registration(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                known = registration;
            }
        }
        return known;
    }

    /**
     * Reads the metadata from the discovery URI, which may differ from the issuer when the application reaches the
     * issuer by an internal address; the issuer it names must still be the configured one, which every ID token's
     * {@code iss} is then checked against.
     */
    private ClientRegistration discover() {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(5));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        Map<String, Object> metadata = RestClient.builder()
                .requestFactory(timeouts)
                .build()
                .get()
                .uri(discovery)
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
        if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
            throw new IllegalStateException("the metadata at " + discovery + " names issuer "
                    + (metadata == null ? null : metadata.get("issuer")) + ", not " + issuer);
        }
        return ClientRegistrations.fromOidcConfiguration(metadata)
                .registrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientName(name)
                .scope("openid", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
    }

    private OidcUser user(OidcUserRequest request) {
        OidcUser user = users.loadUser(request);
        List<GrantedAuthority> authorities = tokenAuthorities.authorities(user.getClaims());
        if (authorities.stream().noneMatch(a -> a.getAuthority().startsWith("ROLE_"))) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    NO_ROLE, "the ID token grants no single role Takedown knows (none, or several)", null));
        }
        return new DefaultOidcUser(
                authorities, user.getIdToken(), user.getUserInfo(), TokenAuthorities.nameClaim(user.getClaims()));
    }

    private static void refused(
            HttpServletRequest request, HttpServletResponse response, String problem, AuthenticationException failure)
            throws IOException {
        LOG.warn("OIDC sign-in refused ({}): {}", problem, failure.getMessage(), failure.getCause());
        response.sendRedirect(request.getContextPath() + "/login?oidc=" + problem);
    }
}
