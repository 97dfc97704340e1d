package dev.takedown.app;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages speak English and Simplified Chinese. {@code ?lang=zh-CN} or {@code ?lang=en} on any page switches and is
 * remembered in a cookie; without the cookie the browser's Accept-Language decides. Texts live in
 * {@code messages.properties} (English) and {@code messages_zh_CN.properties}.
 */
@Configuration
class WebLanguages implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "takedown-lang";

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        // a server running in a Chinese locale must not answer English readers in Chinese
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /**
     * Form posts carry no charset; read them as UTF-8 from the first filter on (a filter that reads parameters
     * before Spring's CharacterEncodingFilter would otherwise fix them as ISO-8859-1, and Chinese input breaks).
     */
    @Bean
    ServletContextInitializer utf8Requests() {
        return servletContext -> {
            servletContext.setRequestCharacterEncoding("UTF-8");
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                // ?lang= comes with links, never with an upload; reading it from a multipart body would parse the
                // body, even on the error page of a request Spring Security refused
                return InputGuards.isMultipart(request) || super.preHandle(request, response, handler);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/engine-rest/**", "/camunda/**");
    }
}
