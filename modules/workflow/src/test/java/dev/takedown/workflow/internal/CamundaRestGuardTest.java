package dev.takedown.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter's own rules; {@code BadInputCorpusIT} checks it in front of the real Camunda REST API. */
class CamundaRestGuardTest {

    /** Built like Spring Boot's: problem details' properties at the top level. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private final CamundaRestGuard.Guard guard = new CamundaRestGuard.Guard(JSON, 1000, 5);

    @Test
    void tooDeepInvalidUtf8NulAndOversizedBodiesNeverReachCamunda() throws Exception {
        assertRefused("{\"a\":".repeat(6) + "1" + "}".repeat(6), 400, "deeper than 5");
        assertRefused(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'}, 400, "UTF-8");
        assertRefused("{\"a\":\"x\\u0000y\"}", 400, "NUL");
        assertRefused("{\"a\":\"" + "x".repeat(1000) + "\"}", 413, "1000 bytes");
    }

    @Test
    void aFineBodyReachesCamundaUnchanged() throws Exception {
        String body = "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":\"\u00e9\"}]}}}";
        AtomicReference<String> seen = new AtomicReference<>();
        MockHttpServletResponse response = run(body.getBytes(StandardCharsets.UTF_8), (request, answer) -> {
            seen.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            answer.setContentType("application/json");
            answer.getWriter().write("{\"count\":3}");
        });
        assertThat(seen.get()).isEqualTo(body);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"count\":3}");
    }

    @Test
    void camundaErrorsBecomeProblemDetailsWithoutClassNames() throws Exception {
        MockHttpServletResponse refused = run(null, (request, answer) -> {
            ((HttpServletResponse) answer).setStatus(400);
            answer.setContentType("application/json");
            answer.getWriter()
                    .write("{\"type\":\"InvalidRequestException\",\"message\":\"Cannot convert value "
                            + "'high' to java.lang.Integer: com.fasterxml.jackson.databind.exc.InvalidFormatException\","
                            + "\"code\":3}");
        });
        JsonNode problem = JSON.readTree(refused.getContentAsString());
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("detail").asText()).isEqualTo("Cannot convert value 'high' to Integer: error");
        assertThat(problem.path("code").asInt()).isEqualTo(3);

        MockHttpServletResponse failed = run(null, (request, answer) -> {
            ((HttpServletResponse) answer).setStatus(500);
            answer.getWriter().write("{\"type\":\"ProcessEngineException\",\"message\":\"ERROR: relation x\"}");
        });
        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(failed.getContentAsString())
                .doesNotContain("ProcessEngineException")
                .doesNotContain("relation");
    }

    private void assertRefused(String body, int status, String detail) throws Exception {
        assertRefused(body.getBytes(StandardCharsets.UTF_8), status, detail);
    }

    private void assertRefused(byte[] body, int status, String detail) throws Exception {
        MockHttpServletResponse response = run(body, (request, answer) -> {
            throw new AssertionError("Camunda was reached");
        });
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(JSON.readTree(response.getContentAsString()).path("detail").asText())
                .contains(detail);
    }

    private MockHttpServletResponse run(byte[] body, FilterChain camunda) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
        if (body != null) {
            request.setContentType("application/json");
            request.setContent(body);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, camunda);
        return response;
    }
}
