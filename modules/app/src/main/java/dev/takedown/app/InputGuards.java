package dev.takedown.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Input no handler should ever see: NUL characters (PostgreSQL stores none, so they could only end in a failed
 * insert) and JSON bodies beyond a sane size. Both are refused with a problem+json naming what was wrong.
 */
@Configuration
class InputGuards {

    /** JSON strings with U+0000 fail deserialisation, so the API answers 400 with the field's path. */
    @Bean
    Module refuseNulInJson() {
        SimpleModule module = new SimpleModule("refuse-nul");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (value != null && value.indexOf('\0') >= 0) {
                    return (String)
                            context.handleWeirdStringValue(String.class, value, "NUL characters are not accepted");
                }
                return value;
            }
        });
        return module;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> refuseNulAndOversizedRequests(
            ObjectMapper json, @Value("${takedown.api.max-json-bytes:16777216}") long maxJsonBytes) {
        OncePerRequestFilter guard = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (hasNul(request)) {
                    SecurityConfiguration.problem(
                            response, json, HttpStatus.BAD_REQUEST, "NUL characters are not accepted");
                } else if (isJson(request) && request.getContentLengthLong() > maxJsonBytes) {
                    SecurityConfiguration.problem(
                            response,
                            json,
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            "JSON bodies are limited to " + maxJsonBytes + " bytes");
                } else {
                    chain.doFilter(request, response);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(guard);
        // after Spring's CharacterEncodingFilter, so that reading parameters does not fix their charset first
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static boolean hasNul(HttpServletRequest request) {
        if (request.getRequestURI().indexOf('\0') >= 0
                || request.getRequestURI().contains("%00")) {
            return true;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException unparsable) {
            // Tomcat parses multipart bodies here and throws its InvalidFileNameException (only ever for a NUL in a
            // file name) unchecked; matched by name, the class is internal to Tomcat
            if (unparsable.getClass().getSimpleName().equals("InvalidFileNameException")) {
                return true;
            }
            throw unparsable;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return Collections.list(request.getHeaderNames()).stream()
                .anyMatch(name ->
                        Collections.list(request.getHeaders(name)).stream().anyMatch(v -> v.indexOf('\0') >= 0));
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().contains("json");
    }
}
