package dev.takedown.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * An audit node: the ledger fed from every topic, its checkpoints, verifier and evidence export, on the shared
 * PostgreSQL. No engine and no outbox (application-node.yml); the schema is migrated by the application nodes, so
 * this role starts after one of them.
 */
@Profile("audit-node")
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("dev.takedown.audit")
@Import({UserAccounts.class, AuditNode.NodeSecurity.class})
public class AuditNode {

    @EnableWebSecurity
    static class NodeSecurity {

        @Bean
        BCryptPasswordEncoder passwordEncoder() {
            return new BCryptPasswordEncoder();
        }

        @Bean
        SecurityFilterChain auditNodeSecurity(HttpSecurity http) throws Exception {
            var paths = PathPatternRequestMatcher.withDefaults();
            return NodeRole.statelessBasic(
                            http, paths.matcher(HttpMethod.GET, "/api/audit/**"), SecurityConfiguration.AUDITORS)
                    .build();
        }
    }
}
