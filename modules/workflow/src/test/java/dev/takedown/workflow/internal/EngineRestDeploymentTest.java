package dev.takedown.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.events.EngineRestCalled;
import dev.takedown.kernel.ClockConfiguration;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.LinkedMultiValueMap;

/**
 * With {@code takedown.engine-rest.deployments=ALLOWED} an administrator deploys a model through Camunda's real REST
 * API (Jersey, an in-memory engine), and the call is recorded for the access log like every other. Refusal under the
 * default is CamundaRestGuardTest's and, through the whole stack, EngineRestIT's.
 */
@SpringBootTest(
        classes = EngineRestDeploymentTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:engine-rest-deployments;DB_CLOSE_DELAY=-1",
            // an in-memory test engine makes its own tables; production's are Flyway's
            "camunda.bpm.database.schema-update=true",
            "camunda.bpm.auto-deployment-enabled=false",
            "camunda.bpm.job-execution.enabled=false",
            "camunda.bpm.metrics.enabled=false",
            "takedown.engine-rest.deployments=ALLOWED"
        })
@DirtiesContext
class EngineRestDeploymentTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration(
            exclude = {
                SecurityAutoConfiguration.class,
                SecurityFilterAutoConfiguration.class,
                UserDetailsServiceAutoConfiguration.class,
                FlywayAutoConfiguration.class,
                KafkaAutoConfiguration.class
            },
            excludeName = {
                "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
                "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
                "org.springframework.modulith.events.jpa.JpaEventPublicationAutoConfiguration"
            })
    @Import({CamundaRestGuard.class, ClockConfiguration.class})
    static class App {

        final List<EngineRestCalled> recorded = new CopyOnWriteArrayList<>();

        /** Stands in for Spring Security, which lets only administrators this far. */
        @Bean
        FilterRegistrationBean<Filter> signedInAdministrator() {
            FilterRegistrationBean<Filter> registration =
                    new FilterRegistrationBean<>((request, response, chain) -> chain.doFilter(
                            new HttpServletRequestWrapper((HttpServletRequest) request) {
                                @Override
                                public String getRemoteUser() {
                                    return "admin-7";
                                }
                            },
                            response));
            registration.setOrder(0);
            return registration;
        }

        @EventListener
        void record(EngineRestCalled call) {
            recorded.add(call);
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repository;

    @Autowired
    App app;

    @Test
    void anAdministratorDeploysWhenAnOperatorAllowedItAndTheCallIsRecorded() {
        byte[] model = Bpmn.convertToString(Bpmn.createExecutableProcess("guard-allowed")
                        .camundaHistoryTimeToLive(1)
                        .startEvent()
                        .endEvent()
                        .done())
                .getBytes(StandardCharsets.UTF_8);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "guard-allowed");
        form.add("data", new ByteArrayResource(model) {
            @Override
            public String getFilename() {
                return "guard-allowed.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> deployed =
                http.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);

        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("guard-allowed")
                        .count())
                .isEqualTo(1);
        assertThat(app.recorded).singleElement().satisfies(call -> {
            assertThat(call.actor()).isEqualTo("admin-7");
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/engine-rest/deployment/create");
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.key()).as("keyed by actor on the access log").isEqualTo("admin-7");
        });
    }
}
