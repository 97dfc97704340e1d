package dev.takedown.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What one process of the Takedown artifact runs: the whole application, a screening node that rebuilds its index
 * from Kafka and never opens the database, or an audit node that keeps the ledger. Chosen by {@code --takedown.role=…} or the {@code TAKEDOWN_ROLE}
 * environment variable.
 */
public enum NodeRole {
    APP(null),
    SCREENING(ScreeningNode.class),
    AUDIT(AuditNode.class);

    private final Class<?> source;

    NodeRole(Class<?> source) {
        this.source = source;
    }

    /** The configuration class to run, or null for the full application. */
    public Class<?> source() {
        return source;
    }

    /** The role's own profile and {@code node}, whose configuration every node shares (application-node.yml). */
    public String[] profiles() {
        return new String[] {name().toLowerCase(Locale.ROOT) + "-node", "node"};
    }

    /** What every node's API shares: stateless HTTP Basic, an open health probe, one door for its roles. */
    static HttpSecurity statelessBasic(HttpSecurity http, RequestMatcher api, String... roles) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        return http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> {})
                .authorizeHttpRequests(
                        a -> a.requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
                                .permitAll()
                                .requestMatchers(api)
                                .hasAnyRole(roles)
                                .anyRequest()
                                .denyAll());
    }

    public static NodeRole of(String[] args, Map<String, String> environment) {
        String chosen = Arrays.stream(args)
                .filter(a -> a.startsWith("--takedown.role="))
                .map(a -> a.substring("--takedown.role=".length()))
                .findFirst()
                .orElse(environment.getOrDefault("TAKEDOWN_ROLE", "app"));
        try {
            return valueOf(chosen.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "takedown.role must be one of " + Arrays.toString(values()) + ", not '" + chosen + "'");
        }
    }
}
