package dev.takedown.app;

import dev.takedown.kernel.Caller;
import dev.takedown.kernel.ClockConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's two doors ({@link SecurityConfiguration}) and everything that signs a caller in — accounts,
 * API keys, bearer tokens, the OIDC page sign-in, the login throttle — on PostgreSQL with the app module's own
 * migrations, and none of the capability modules. Their endpoints are stood in for by {@link WhoIsCalling}, which
 * answers with the caller the security chain let through: what every module's tenancy rule starts from.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    ThymeleafAutoConfiguration.class,
    SecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    OAuth2ResourceServerAutoConfiguration.class,
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    FlywayAutoConfiguration.class
})
@Import({
    ClockConfiguration.class,
    SecurityConfiguration.class,
    UserAccounts.class,
    LoginThrottle.class,
    ApiKeys.class,
    ApiKeyAdminApi.class,
    ApiProblems.class,
    OidcLogin.class,
    HomePages.class,
    PageContext.class,
    WebLanguages.class,
    ViewerTime.class,
    DeadLetterRecords.class,
    DeadLetterResolutions.class,
    DeadLetterPages.class,
    StaticAssets.class,
    SecurityOnlyApplication.WhoIsCalling.class
})
class SecurityOnlyApplication {

    /** The capability modules' doors the tests go through, answering with the caller they were given. */
    @RestController
    static class WhoIsCalling {

        @GetMapping({"/api/notices", "/api/notices/{caseId}", "/api/tasks", "/api/audit/verify"})
        Map<String, String> api(Authentication authentication) {
            return caller(authentication);
        }

        @GetMapping({"/notices", "/tasks", "/audit", "/works"})
        String pages(Authentication authentication) {
            return "the page of " + caller(authentication);
        }

        private static Map<String, String> caller(Authentication authentication) {
            Caller caller = Caller.of(authentication);
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("actor", caller.actor());
            answer.put("role", caller.role());
            answer.put("organisation", caller.organisationId());
            return answer;
        }
    }
}
