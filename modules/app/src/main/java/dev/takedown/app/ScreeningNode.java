package dev.takedown.app;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * A screening node: the screening module alone, its index rebuilt from the compacted measures topic, answering
 * the platform's generation services. It has no database, no engine and no outbox (application-node.yml), so any
 * number can run.
 */
@Profile("screening-node")
@SpringBootConfiguration
@EnableAutoConfiguration(
        exclude = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ComponentScan("dev.takedown.screening")
// a measure record it cannot read goes to the dead-letter topic with its reason, as on the application nodes
@Import({ScreeningNode.NodeSecurity.class, DeadLetters.class})
// the node's heartbeat keeps it in the registry of nodes that confirm filter measures
@EnableScheduling
public class ScreeningNode {

    /**
     * The platform services allowed to call this node: client id → BCrypt hash of its secret. There is no user
     * database on a node, and no default: a node without clients answers every request with 401.
     */
    @ConfigurationProperties("takedown.node")
    public record Clients(Map<String, String> clients) {

        public Clients {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }
    }

    @EnableWebSecurity
    @EnableConfigurationProperties(Clients.class)
    static class NodeSecurity {

        @Bean
        InMemoryUserDetailsManager platformClients(Clients clients) {
            return new InMemoryUserDetailsManager(clients.clients().entrySet().stream()
                    .map(c -> User.withUsername(c.getKey())
                            .password(c.getValue())
                            .roles("PLATFORM_SERVICE")
                            .build())
                    .toList());
        }

        @Bean
        BCryptPasswordEncoder passwordEncoder() {
            return new BCryptPasswordEncoder();
        }

        @Bean
        SecurityFilterChain screeningNodeSecurity(HttpSecurity http) throws Exception {
            var paths = PathPatternRequestMatcher.withDefaults();
            return NodeRole.statelessBasic(
                            http,
                            new OrRequestMatcher(
                                    paths.matcher(HttpMethod.POST, "/api/screen/**"),
                                    paths.matcher(HttpMethod.GET, "/api/screen/status")),
                            "PLATFORM_SERVICE")
                    .build();
        }
    }
}
