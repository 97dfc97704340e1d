package dev.takedown.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * An audit node: the ledger fed from every topic, its checkpoints, verifier and evidence export, on the shared
 * PostgreSQL. No engine and no outbox; the schema is migrated by the application nodes, so this role starts after
 * one of them.
 */
@Profile("audit-node")
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {HibernateJpaAutoConfiguration.class, JpaRepositoriesAutoConfiguration.class,
        FlywayAutoConfiguration.class},
        excludeName = {"org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
                "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
                "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
                "org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration",
                "org.springframework.modulith.events.jpa.JpaEventPublicationAutoConfiguration",
                "org.springframework.modulith.events.jpa.archiving.ArchivingAutoConfiguration"})
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
            return http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable())
                    .httpBasic(basic -> { })
                    .authorizeHttpRequests(a -> a
                            .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
                            .permitAll()
                            .requestMatchers(paths.matcher(HttpMethod.GET, "/api/audit/**"))
                            .hasAnyRole(SecurityConfiguration.AUDITORS)
                            .anyRequest().denyAll())
                    .build();
        }
    }
}
