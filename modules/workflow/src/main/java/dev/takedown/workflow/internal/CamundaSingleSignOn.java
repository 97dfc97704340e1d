package dev.takedown.workflow.internal;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cockpit and Tasklist trust our login instead of keeping their own user store: Spring Security admits only
 * ADMIN to {@code /camunda/**}, and this filter hands that principal to the webapps ({@link SignedInAdministrators}).
 */
@Configuration
class CamundaSingleSignOn {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SignedInAdministrators.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security's filter chain (order -100), which has already authenticated the request
        registration.setOrder(101);
        return registration;
    }
}
