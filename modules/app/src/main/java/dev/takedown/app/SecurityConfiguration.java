package dev.takedown.app;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Two doors, and a hatch for Prometheus. The API (and Camunda's REST API) is stateless: every request authenticates
 * itself, so no cookie can be ridden by a forged request. Pages use a session with form login and CSRF tokens. The
 * metrics endpoint takes HTTP Basic for the MONITORING role alone. Anything not listed is denied.
 */
@Configuration
class SecurityConfiguration {

    /**
     * Pages load scripts and styles from this origin only; no inline script can run. Images are {@code data:} URLs
     * alone (the pages have no image files): an image URL a notifier typed, a same-origin path included, is never
     * fetched with a staff member's session.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    static final String[] STAFF = {"MODERATOR", "SENIOR_MODERATOR", "COMPLIANCE_OFFICER", "ADMIN"};
    static final String[] READERS = {"RIGHTS_HOLDER", "MODERATOR", "SENIOR_MODERATOR", "COMPLIANCE_OFFICER", "ADMIN"};
    static final String[] MODERATORS = {"MODERATOR", "SENIOR_MODERATOR"};
    static final String[] TASK_WORKERS = {"MODERATOR", "SENIOR_MODERATOR", "COMPLIANCE_OFFICER"};
    static final String[] AUDITORS = {"COMPLIANCE_OFFICER", "ADMIN"};
    static final String[] REMEDIATION_READERS = {
        "PLATFORM_SERVICE", "MODERATOR", "SENIOR_MODERATOR", "COMPLIANCE_OFFICER", "ADMIN"
    };

    /** Applied by Spring Boot to the bearer-token decoder, whichever key source configures it. */
    @Bean
    TokenAudience tokenAudience(@Value("${takedown.jwt.audience:takedown-api}") String audience) {
        return new TokenAudience(audience);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationProvider passwordAuthentication(
            UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthentication(passwords, throttle);
    }

    /**
     * Prometheus's scrapes: {@code /actuator/prometheus} only, for the {@code MONITORING} role, with HTTP Basic (what
     * Prometheus's {@code basic_auth} sends) on every profile; throttled like every password check. Metrics carry no
     * case data, but they tell how busy the system is and which parts fail.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher(path("/actuator/prometheus"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("MONITORING"))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"takedown-metrics\"");
                    problem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required");
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, ex) ->
                        problem(response, json, HttpStatus.FORBIDDEN, "Your role may not do this")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            ObjectMapper json,
            ObjectProvider<JwtDecoder> tokens,
            ApiKeys keys,
            OidcLogin oidc,
            @Value("${takedown.security.api-basic-auth:false}") boolean basicAuth)
            throws Exception {
        http.securityMatchers(m -> m.requestMatchers(path("/api/**"), path("/engine-rest/**")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(path(POST, "/api/notices"))
                        .hasRole("RIGHTS_HOLDER")
                        .requestMatchers(
                                path(GET, "/api/notices"),
                                path(GET, "/api/notices/*"),
                                path(GET, "/api/notices/*/letters"),
                                path(GET, "/api/notices/*/deadlines"))
                        .hasAnyRole(READERS)
                        .requestMatchers(
                                path(PUT, "/api/notices/*"),
                                path(POST, "/api/notices/*/legal-action-proof"),
                                path(POST, "/api/notices/*/retraction"),
                                path(POST, "/api/notices/*/appeal"),
                                path(POST, "/api/notices/*/targets"))
                        .hasRole("RIGHTS_HOLDER")
                        // how the proceedings that kept a measure ended is recorded by staff (CounterNotices)
                        // out-of-court dispute settlement (DSA Art. 21) is recorded by compliance
                        // (OutOfCourtSettlements)
                        .requestMatchers(
                                path(GET, "/api/notices/*/out-of-court-referrals"),
                                path(POST, "/api/notices/*/out-of-court-referrals"),
                                path(POST, "/api/out-of-court-referrals/*/outcome"),
                                path(POST, "/api/out-of-court-referrals/*/implementation"))
                        .hasRole("COMPLIANCE_OFFICER")
                        .requestMatchers(path(POST, "/api/notices/*/proceedings-outcome"))
                        .hasAnyRole("SENIOR_MODERATOR", "COMPLIANCE_OFFICER")
                        // withdrawing an uploader's links is a staff action on the case, with a reason (UploaderLinks)
                        .requestMatchers(path(POST, "/api/notices/*/uploader-links/revocation"))
                        .hasAnyRole("MODERATOR", "SENIOR_MODERATOR", "COMPLIANCE_OFFICER")
                        .requestMatchers(
                                path(GET, "/api/notices/*/notifications"), path(GET, "/api/notices/*/risk-warnings"))
                        .hasAnyRole(STAFF)
                        .requestMatchers(path(POST, "/api/notices/*/targets/*/label-check"))
                        .hasAnyRole(MODERATORS)
                        .requestMatchers(path(POST, "/api/risk-warnings"))
                        .hasRole("PLATFORM_SERVICE")
                        // the log of outputs provided without the explicit label (Labelling Measures Art. 9)
                        .requestMatchers(path(POST, "/api/aigc/unlabelled-outputs"))
                        .hasRole("PLATFORM_SERVICE")
                        // evidence files: the notifier's organisation uploads; it and staff read (tenancy in
                        // EvidenceApi)
                        .requestMatchers(path(POST, "/api/cases/*/evidence"))
                        .hasRole("RIGHTS_HOLDER")
                        .requestMatchers(path(GET, "/api/cases/*/evidence"), path(GET, "/api/cases/*/evidence/*"))
                        .hasAnyRole(READERS)
                        // the signed link is the uploader's credential; UploaderLinks checks it on every request
                        .requestMatchers(
                                path(GET, "/api/uploader/*"),
                                path(POST, "/api/uploader/*/counter-notice"),
                                path(POST, "/api/uploader/*/appeal"))
                        .permitAll()
                        // compliance officers work their own queue (overdue restores) through the same task API
                        .requestMatchers(path("/api/tasks"), path("/api/tasks/**"))
                        .hasAnyRole(TASK_WORKERS)
                        // letters that did not arrive: resend to another address, record another route
                        .requestMatchers(
                                path(GET, "/api/letters/undelivered"),
                                path(POST, "/api/letters/*/resend"),
                                path(POST, "/api/letters/*/delivery"))
                        .hasAnyRole(MODERATORS)
                        .requestMatchers(path(POST, "/api/works"), path(GET, "/api/works"), path(GET, "/api/works/*"))
                        .hasRole("RIGHTS_HOLDER")
                        .requestMatchers(path(POST, "/api/measures/*/lift"))
                        .hasRole("SENIOR_MODERATOR")
                        .requestMatchers(path(GET, "/api/measures"), path(GET, "/api/measures/*"))
                        .hasAnyRole(STAFF)
                        .requestMatchers(
                                path(POST, "/api/audit/cases/*/legal-hold"),
                                path(DELETE, "/api/audit/cases/*/legal-hold"))
                        .hasRole("ADMIN")
                        .requestMatchers(path(GET, "/api/audit/**"))
                        .hasAnyRole(AUDITORS)
                        // E-Commerce Law Art. 44: notices, declarations and outcomes are published, redacted
                        .requestMatchers(path(GET, "/api/public/disclosures"))
                        .permitAll()
                        // the published response times and every earlier version of them
                        .requestMatchers(path(GET, "/api/response-times"))
                        .permitAll()
                        // 17 U.S.C. 512(c)(2): the DMCA agent's contact details are for the public
                        .requestMatchers(path(GET, "/api/designated-agent"))
                        .permitAll()
                        .requestMatchers(path(GET, "/api/screening/**"))
                        .hasAnyRole(STAFF)
                        .requestMatchers(path(POST, "/api/screen/**"), path(GET, "/api/screen/status"))
                        .hasAnyRole("PLATFORM_SERVICE", "ADMIN")
                        // model remediation: the owners' platform credentials and staff read (Remediations keeps
                        // each owner to its own), only owners change, moderators decide widenings; the report for
                        // compliance
                        .requestMatchers(path(GET, "/api/remediations"), path(GET, "/api/remediations/*"))
                        .hasAnyRole(REMEDIATION_READERS)
                        .requestMatchers(path(POST, "/api/remediations/*/changes"))
                        .hasRole("PLATFORM_SERVICE")
                        .requestMatchers(path(POST, "/api/remediations/*/widening"))
                        .hasAnyRole(MODERATORS)
                        .requestMatchers(path(GET, "/api/cases/*/remediation/report"))
                        .hasAnyRole(AUDITORS)
                        // DSA Art. 23 standing: staff read it, compliance officers lift a suspension early
                        .requestMatchers(path(GET, "/api/standings"), path(GET, "/api/standings/party"))
                        .hasAnyRole(STAFF)
                        .requestMatchers(path(POST, "/api/standings/suspensions/*/lift"))
                        .hasRole("COMPLIANCE_OFFICER")
                        // trusted flaggers and competent authorities: staff read, compliance officers keep them
                        .requestMatchers(path(GET, "/api/registries/**"))
                        .hasAnyRole(STAFF)
                        .requestMatchers(
                                path(POST, "/api/registries/trusted-flaggers"),
                                path(PUT, "/api/registries/trusted-flaggers/*"),
                                path(POST, "/api/registries/trusted-flaggers/*/revocation"),
                                path(POST, "/api/registries/authorities"),
                                path(PUT, "/api/registries/authorities/*"),
                                path(POST, "/api/registries/authorities/*/revocation"))
                        .hasRole("COMPLIANCE_OFFICER")
                        .requestMatchers(path("/api/admin/**"))
                        .hasRole("ADMIN")
                        .requestMatchers(path("/engine-rest/**"))
                        .hasRole("ADMIN")
                        .anyRequest()
                        .denyAll())
                .addFilterBefore(new ApiKeyAuthentication(keys), BasicAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required"))
                        .accessDeniedHandler((request, response, ex) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "Your role may not do this")));
        // OAuth2 bearer tokens from any OIDC issuer, when one is configured
        // (spring.security.oauth2.resourceserver.jwt.*)
        if (tokens.getIfAvailable() != null) {
            http.oauth2ResourceServer(
                    server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(oidc.tokenAuthorities()))
                            .authenticationEntryPoint((request, response, ex) ->
                                    problem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required")));
        }
        if (basicAuth) {
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"takedown\"");
                problem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required");
            }));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, OidcLogin oidc) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                path("/login"),
                                path("/css/**"),
                                path("/js/**"),
                                path("/webjars/**"),
                                path("/error"),
                                path("/actuator/health"),
                                path("/actuator/health/**"),
                                path("/v3/api-docs"),
                                path("/v3/api-docs/**"),
                                path("/swagger-ui.html"),
                                path("/swagger-ui/**"))
                        .permitAll()
                        .requestMatchers(path(GET, "/"))
                        .authenticated()
                        // the public complaint channel (DSA Art. 16: no login) and the uploader's signed link
                        .requestMatchers(
                                path(GET, "/complaints"),
                                path(POST, "/complaints"),
                                path(GET, "/complaints/received"),
                                path(GET, "/complaints/confirm/*"),
                                path(POST, "/complaints/confirm/*"),
                                path(GET, "/u/*"),
                                // a letter's signed link: its opening is the letter's receipt
                                path(GET, "/l/*"),
                                // the local stack's mailbox (MailboxPages, local profile only; elsewhere nothing
                                // answers)
                                path(GET, "/mailbox"),
                                path(POST, "/u/*/counter-notice"),
                                path(POST, "/u/*/appeal"),
                                // a logged-out notifier's signed link: NotifierLinks checks it on every request
                                path(GET, "/n/*"),
                                path(POST, "/n/*/appeal"))
                        .permitAll()
                        .requestMatchers(
                                path(GET, "/works"),
                                path(GET, "/works/new"),
                                path(POST, "/works"),
                                path(POST, "/notices/*/retraction"),
                                path(POST, "/notices/*/legal-action-proof"),
                                path(POST, "/notices/*/appeal"))
                        .hasRole("RIGHTS_HOLDER")
                        .requestMatchers(path(POST, "/notices/*/proceedings-outcome"))
                        .hasAnyRole("SENIOR_MODERATOR", "COMPLIANCE_OFFICER")
                        .requestMatchers(path(GET, "/notices/new"), path(POST, "/notices"))
                        .hasRole("RIGHTS_HOLDER")
                        // bulk target uploads, their progress and error reports (BulkUploadPages)
                        .requestMatchers(
                                path(GET, "/notices/*/targets"),
                                path(POST, "/notices/*/targets"),
                                path(GET, "/notices/*/targets/**"))
                        .hasRole("RIGHTS_HOLDER")
                        .requestMatchers(
                                path(GET, "/notices"), path(GET, "/notices/*"), path(GET, "/notices/*/evidence/*"))
                        .hasAnyRole(READERS)
                        .requestMatchers(path("/tasks"), path("/tasks/**"))
                        .hasAnyRole(TASK_WORKERS)
                        .requestMatchers(
                                path(GET, "/letters"),
                                path(POST, "/letters/*/resend"),
                                path(POST, "/letters/*/delivery"))
                        .hasAnyRole(MODERATORS)
                        .requestMatchers(
                                path(GET, "/audit"),
                                path(GET, "/audit/cases/*"),
                                path(GET, "/audit/cases/*/bundle"),
                                path(GET, "/audit/sla"),
                                path(GET, "/audit/reports/transparency"),
                                path(GET, "/audit/reports/transparency/download"))
                        .hasAnyRole(AUDITORS)
                        .requestMatchers(path(GET, "/remediations"))
                        .hasAnyRole(REMEDIATION_READERS)
                        .requestMatchers(path(GET, "/standings"), path(GET, "/registries"))
                        .hasAnyRole(AUDITORS)
                        .requestMatchers(
                                path(POST, "/standings/suspensions/*/lift"),
                                path(POST, "/registries/trusted-flaggers"),
                                path(POST, "/registries/trusted-flaggers/*/revocation"),
                                path(POST, "/registries/authorities"),
                                path(POST, "/registries/authorities/*/revocation"))
                        .hasRole("COMPLIANCE_OFFICER")
                        .requestMatchers(path(POST, "/remediations/*/changes"))
                        .hasRole("PLATFORM_SERVICE")
                        .requestMatchers(path(POST, "/remediations/*/widening"))
                        .hasAnyRole(MODERATORS)
                        // dead letters of every consumer: the list, replay and discard (DeadLetterPages)
                        .requestMatchers(
                                path(GET, "/admin/dead-letters"),
                                path(POST, "/admin/dead-letters/*/replay"),
                                path(POST, "/admin/dead-letters/*/discard"))
                        .hasAnyRole(AUDITORS)
                        // Camunda incidents: the list and the retry (IncidentPages)
                        .requestMatchers(path(GET, "/admin/incidents"), path(POST, "/admin/incidents/*/retry"))
                        .hasRole("ADMIN")
                        .requestMatchers(path("/camunda/**"))
                        .hasRole("ADMIN")
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", true)
                        .permitAll()
                        // reading a multipart body's fields would parse it before anyone is signed in
                        .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            @Override
                            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                                filter.setRequiresAuthenticationRequestMatcher(new AndRequestMatcher(
                                        path(POST, "/login"), request -> !InputGuards.isMultipart(request)));
                                return filter;
                            }
                        }))
                .logout(Customizer.withDefaults())
                // Camunda's webapps send their own CSRF token, checked by Camunda's filter
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**"))
                        .csrfTokenRequestHandler(new MultipartSafeCsrfTokens()))
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // Camunda's webapps send their own policy; ours would forbid their inline scripts
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(path("/camunda/**")),
                                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))));
        // sign-in through an OIDC issuer beside the form, when takedown.oidc.issuer-uri is set
        oidc.configure(http);
        return http.build();
    }

    /**
     * Spring Security's CSRF check, except that on a multipart request the token is read from the header or the query
     * string only (the upload forms put it in their action URL): its fields would be read before the authorisation
     * decision, and reading one makes the container parse the whole body.
     */
    static final class MultipartSafeCsrfTokens implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            tokens.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            return tokens.resolveCsrfTokenValue(
                    InputGuards.isMultipart(request) ? new QueryStringParameters(request) : request, token);
        }
    }

    /** A request whose parameters are those of its query string alone. */
    private static final class QueryStringParameters extends HttpServletRequestWrapper {

        private final MultiValueMap<String, String> query;

        QueryStringParameters(HttpServletRequest request) {
            super(request);
            this.query = UriComponentsBuilder.newInstance()
                    .query(request.getQueryString())
                    .build()
                    .getQueryParams();
        }

        @Override
        public String getParameter(String name) {
            String value = query.getFirst(name);
            return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
        }
    }

    /** Path patterns on the whole request path: Camunda's REST API and webapps are not Spring MVC handlers. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Answers a request refused before any controller, as problem+json. */
    static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
