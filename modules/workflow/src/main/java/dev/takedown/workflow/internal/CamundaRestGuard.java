package dev.takedown.workflow.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.EngineRestCalled;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * In front of Camunda's REST API (ADMIN only, see SecurityConfiguration). What runs code in the application is refused
 * unless an operator enabled it ({@code takedown.engine-rest.deployments=ALLOWED}): creating or redeploying a
 * deployment (a model's expressions, scripts and listeners reach every Spring bean) and writing filters (stored task
 * queries, whose expressions the engine would evaluate; expressions in queries are also off in the engine). Every call
 * that gets this far is on the access log ({@link EngineRestCalled}, through the outbox). Camunda parses JSON bodies itself and
 * answers with its own error bodies, which name exception classes ({@code {"type":"StreamConstraintsException"}})
 * and gave 500 for 10,000-deep JSON. Here JSON bodies are checked for size, nesting depth and well-formed UTF-8
 * before Camunda parses them, and every error answer is rewritten into problem+json without class names: 4xx keep
 * Camunda's message (class names reduced to their simple names, exception names removed), 5xx say nothing specific
 * and are logged.
 */
@Configuration
class CamundaRestGuard {

    private static final Logger LOG = LoggerFactory.getLogger(CamundaRestGuard.class);

    /** {@code org.camunda.bpm.engine.Foo} → {@code Foo}. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)");

    private static final Pattern THROWABLE = Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b");
    private static final int MAX_DETAIL = 500;

    /** Whether administrators may deploy models (and write filters) over the REST API. */
    enum Deployments {
        REFUSED,
        ALLOWED
    }

    /** Requests that submit code to the engine, as {@code METHOD path} below {@code /engine-rest}. */
    private static final List<Pattern> SUBMITS_CODE = List.of(
            Pattern.compile("POST /deployment/create"),
            Pattern.compile("POST /deployment/[^/]+/redeploy"),
            // creating, changing or deleting a stored query; listing and counting with one stay reads
            Pattern.compile("(POST|PUT|DELETE|PATCH) /filter/[^/]+"));

    /** Camunda serves every path also below {@code /engine/{name}}. */
    private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/[^/]+(?=/)");

    /** Records what an administrator asked of the engine and what it answered. */
    @FunctionalInterface
    interface AccessLog {

        void called(HttpServletRequest request, int status);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> camundaRestGuardFilter(
            ObjectMapper json,
            @Value("${takedown.api.max-json-bytes:16777216}") int maxBytes,
            @Value("${takedown.engine-rest.max-json-depth:100}") int maxDepth,
            @Value("${takedown.engine-rest.deployments:REFUSED}") Deployments deployments,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        AccessLog ledger =
                (request, status) -> inTransaction.executeWithoutResult(tx -> events.publishEvent(new EngineRestCalled(
                        UUID.randomUUID(),
                        clock.instant(),
                        null,
                        request.getRemoteUser(),
                        request.getMethod(),
                        request.getRequestURI(),
                        request.getQueryString(),
                        status)));
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(
                new Guard(json, maxBytes, maxDepth, deployments, ledger));
        registration.addUrlPatterns("/engine-rest/*");
        // after Spring Security's filter chain (order -100): only authenticated ADMIN requests get this far
        registration.setOrder(100);
        return registration;
    }

    static final class Guard extends OncePerRequestFilter {

        private final ObjectMapper json;
        private final int maxBytes;
        private final int maxDepth;
        private final Deployments deployments;
        private final AccessLog accessLog;

        Guard(ObjectMapper json, int maxBytes, int maxDepth, Deployments deployments, AccessLog accessLog) {
            this.json = json;
            this.maxBytes = maxBytes;
            this.maxDepth = maxDepth;
            this.deployments = deployments;
            this.accessLog = accessLog;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                guard(request, response, chain);
            } finally {
                try {
                    accessLog.called(request, response.getStatus());
                } catch (RuntimeException e) {
                    // the answer stands; the missing record is an operations matter (outbox down = database down)
                    LOG.error(
                            "Camunda REST {} {} by {} not recorded on the access log",
                            request.getMethod(),
                            request.getRequestURI(),
                            request.getRemoteUser(),
                            e);
                }
            }
        }

        private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (deployments == Deployments.REFUSED && submitsCode(request)) {
                write(
                        response,
                        HttpStatus.FORBIDDEN,
                        "Deploying models and writing filters over the REST API is refused: both run code in the "
                                + "application (takedown.engine-rest.deployments=REFUSED)",
                        null);
                return;
            }
            HttpServletRequest checked = request;
            if (isJson(request.getContentType())) {
                byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
                if (body.length > maxBytes) {
                    write(
                            response,
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            "JSON bodies are limited to " + maxBytes + " bytes",
                            null);
                    return;
                }
                String malformed = malformation(body);
                if (malformed != null) {
                    write(response, HttpStatus.BAD_REQUEST, malformed, null);
                    return;
                }
                checked = new CachedBody(request, body);
            }
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(checked, answer);
            HttpStatus status = HttpStatus.resolve(answer.getStatus());
            // an error sent with sendError went to the error page, which names no classes
            if (status == null || !status.isError() || response.isCommitted()) {
                answer.copyBodyToResponse();
                return;
            }
            JsonNode camunda = readQuietly(answer.getContentAsByteArray());
            if (status.is5xxServerError()) {
                LOG.warn(
                        "Camunda REST {} {} answered {}: {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        status.value(),
                        camunda);
                write(response, status, "The process engine could not complete this request", null);
            } else {
                JsonNode code = camunda.path("code");
                write(
                        response,
                        status,
                        clean(camunda.path("message").asText(status.getReasonPhrase())),
                        code.isNumber() ? code.asInt() : null);
            }
        }

        /** Whether the request deploys a model or writes a stored query, whichever engine path it takes. */
        static boolean submitsCode(HttpServletRequest request) {
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            path = NAMED_ENGINE.matcher(path.replaceAll("/{2,}", "/")).replaceFirst("");
            while (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String call = request.getMethod().toUpperCase(Locale.ROOT) + " " + path;
            return SUBMITS_CODE.stream().anyMatch(p -> p.matcher(call).matches());
        }

        /** Null when the body is well-formed UTF-8 JSON no deeper than the limit; else what is wrong with it. */
        private String malformation(byte[] body) {
            if (body.length == 0) {
                return null;
            }
            try (JsonParser parser = json.getFactory().createParser(body)) {
                int depth = 0;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token.isStructStart() && ++depth > maxDepth) {
                        return "JSON nested deeper than " + maxDepth + " levels is not accepted";
                    } else if (token.isStructEnd()) {
                        depth--;
                    } else if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
                            // decoding the string fails on invalid UTF-8; PostgreSQL stores no NUL
                            && parser.getText().indexOf('\0') >= 0) {
                        return "NUL characters are not accepted";
                    }
                }
                return null;
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                return "The body is not well-formed JSON in UTF-8"
                        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
            } catch (IOException e) {
                return "The body could not be read as JSON";
            }
        }

        private JsonNode readQuietly(byte[] body) {
            try {
                JsonNode node = json.readTree(body);
                return node == null ? json.createObjectNode() : node;
            } catch (IOException notJson) {
                return json.createObjectNode();
            }
        }

        private void write(HttpServletResponse response, HttpStatus status, String detail, Integer code)
                throws IOException {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setType(URI.create("about:blank"));
            if (code != null) {
                problem.setProperty("code", code);
            }
            byte[] body = json.writeValueAsBytes(problem);
            response.resetBuffer();
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        private static boolean isJson(String contentType) {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
        }

        static String clean(String message) {
            String simple = QUALIFIED.matcher(message).replaceAll("$1");
            String cleaned = THROWABLE.matcher(simple).replaceAll("error");
            return cleaned.length() > MAX_DETAIL ? cleaned.substring(0, MAX_DETAIL) + "…" : cleaned;
        }
    }

    /** The request with its body already read (and checked), for Camunda to read again. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
