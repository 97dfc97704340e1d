package dev.takedown.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * Input no handler should ever see: NUL characters (PostgreSQL stores none, so they could only end in a failed
 * insert) and JSON bodies beyond a sane size. Both are refused with a problem+json naming what was wrong. The size is
 * counted on the bytes actually read, so a chunked body (no Content-Length) is cut off at the limit too. Multipart
 * bodies are not touched here, before Spring Security: their parameters are checked only once the caller is
 * authenticated and authorised ({@link #refuseNulInMultipartParameters}), so an anonymous caller cannot make the
 * container parse (and spool to disk) a 100 MB upload.
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
                if (hasNul(request, !isMultipart(request))) {
                    SecurityConfiguration.problem(
                            response, json, HttpStatus.BAD_REQUEST, "NUL characters are not accepted");
                } else if (!isJson(request)) {
                    chain.doFilter(request, response);
                } else if (request.getContentLengthLong() > maxJsonBytes) {
                    tooLarge(response, json, maxJsonBytes);
                } else {
                    try {
                        chain.doFilter(new CountedBody(request, maxJsonBytes), response);
                    } catch (IOException | ServletException | RuntimeException e) {
                        if (!causedBy(e, BodyTooLarge.class) || response.isCommitted()) {
                            throw e;
                        }
                        response.reset();
                        tooLarge(response, json, maxJsonBytes);
                    }
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(guard);
        // after Spring's CharacterEncodingFilter, so that reading parameters does not fix their charset first
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * A JSON body that ran over the limit while a handler read it: Spring MVC reports it as an unreadable message,
     * which every module's advice would answer 400; this resolver, ahead of them, answers 413.
     */
    @Bean
    HandlerExceptionResolver oversizedJsonBodies(ObjectMapper json) {
        return new OversizedBodyResolver(json);
    }

    /** NUL in the parameters of a multipart request, checked once Spring Security has let the request through. */
    @Bean
    WebMvcConfigurer refuseNulInMultipartParameters(ObjectMapper json) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                            throws IOException {
                        // not on the error page of a refused request: its body must stay unread
                        if (request.getDispatcherType() == DispatcherType.REQUEST
                                && isMultipart(request)
                                && hasNul(request, true)) {
                            SecurityConfiguration.problem(
                                    response, json, HttpStatus.BAD_REQUEST, "NUL characters are not accepted");
                            return false;
                        }
                        return true;
                    }
                });
            }
        };
    }

    private static void tooLarge(HttpServletResponse response, ObjectMapper json, long maxJsonBytes)
            throws IOException {
        SecurityConfiguration.problem(
                response, json, HttpStatus.PAYLOAD_TOO_LARGE, "JSON bodies are limited to " + maxJsonBytes + " bytes");
    }

    static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by the counted body past the limit; an IOException, so that Jackson passes it on unwrapped. */
    static final class BodyTooLarge extends IOException {

        BodyTooLarge(long limit) {
            super("JSON body over " + limit + " bytes");
        }
    }

    private static final class OversizedBodyResolver implements HandlerExceptionResolver, Ordered {

        private final ObjectMapper json;

        OversizedBodyResolver(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public ModelAndView resolveException(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            CountedBody counted = WebUtils.getNativeRequest(request, CountedBody.class);
            if (counted == null || !causedBy(ex, BodyTooLarge.class) || response.isCommitted()) {
                return null;
            }
            try {
                response.reset();
                tooLarge(response, json, counted.limit);
            } catch (IOException e) {
                return null;
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            // after Spring Boot's DefaultErrorAttributes (which only records), before every @ExceptionHandler
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }
    }

    /** The request body, counted as it is read; past the limit reading fails with {@link BodyTooLarge}. */
    static final class CountedBody extends HttpServletRequestWrapper {

        final long limit;
        private ServletInputStream counted;

        CountedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long read;

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? -1 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(n);
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        if (n > 0) {
                            read += n;
                            if (read > limit) {
                                throw new BodyTooLarge(limit);
                            }
                        }
                    }
                };
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }

    /** @param parameters whether to read the parameters, which parses the body of a form or multipart request */
    private static boolean hasNul(HttpServletRequest request, boolean parameters) {
        if (request.getRequestURI().indexOf('\0') >= 0
                || request.getRequestURI().contains("%00")) {
            return true;
        }
        if (Collections.list(request.getHeaderNames()).stream()
                .anyMatch(name ->
                        Collections.list(request.getHeaders(name)).stream().anyMatch(v -> v.indexOf('\0') >= 0))) {
            return true;
        }
        return parameters && hasNulInParameters(request);
    }

    private static boolean hasNulInParameters(HttpServletRequest request) {
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
        return false;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
