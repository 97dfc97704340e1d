package dev.takedown.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter's own rules; {@code BadInputCorpusIT} checks it in front of the real Camunda REST API. */
class CamundaRestGuardTest {

    /** Built like Spring Boot's: problem details' properties at the top level. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    /** Every call the guard recorded: method, path, status. */
    private final List<String> recorded = new ArrayList<>();

    private final CamundaRestGuard.Guard guard = new CamundaRestGuard.Guard(
            JSON,
            1000,
            5,
            CamundaRestGuard.Deployments.REFUSED,
            (request, status) -> recorded.add(request.getMethod() + " " + request.getRequestURI() + " " + status));

    @Test
    void deploymentsAndFilterWritesAreRefusedWhateverPathTheyTake() throws Exception {
        for (String call : List.of(
                "POST /deployment/create",
                "POST /deployment/create/",
                "POST //deployment//create",
                "POST /engine/default/deployment/create",
                "POST /deployment/4711/redeploy",
                "POST /filter/create",
                "PUT /filter/f-1",
                "DELETE /engine/default/filter/f-1")) {
            String[] parts = call.split(" ");
            MockHttpServletResponse response = call(parts[0], parts[1], (request, answer) -> {
                throw new AssertionError(call + " reached Camunda");
            });
            assertThat(response.getStatus()).as(call).isEqualTo(403);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(JSON.readTree(response.getContentAsString())
                            .path("detail")
                            .asText())
                    .contains("takedown.engine-rest.deployments=REFUSED");
        }
        assertThat(recorded).hasSize(8).allSatisfy(line -> assertThat(line).endsWith(" 403"));
    }

    @Test
    void readsOfDeploymentsAndStoredQueriesReachCamundaAndAreRecorded() throws Exception {
        for (String call :
                List.of("GET /deployment", "GET /deployment/4711", "POST /filter/f-1/list", "POST /filter/f-1/count")) {
            String[] parts = call.split(" ");
            MockHttpServletResponse response = call(parts[0], parts[1], (request, answer) -> {
                answer.setContentType("application/json");
                answer.getWriter().write("[]");
            });
            assertThat(response.getStatus()).as(call).isEqualTo(200);
        }
        assertThat(recorded)
                .containsExactly(
                        "GET /engine-rest/deployment 200",
                        "GET /engine-rest/deployment/4711 200",
                        "POST /engine-rest/filter/f-1/list 200",
                        "POST /engine-rest/filter/f-1/count 200");
    }

    @Test
    void deploymentsPassWhenAnOperatorAllowedThem() throws Exception {
        CamundaRestGuard.Guard allowing = new CamundaRestGuard.Guard(
                JSON, 1000, 5, CamundaRestGuard.Deployments.ALLOWED, (request, status) -> {});
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/deployment/create");
        request.setServletPath("/engine-rest");
        request.setPathInfo("/deployment/create");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Boolean> reached = new AtomicReference<>(false);
        allowing.doFilter(request, response, (in, out) -> reached.set(true));
        assertThat(reached.get()).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
    }

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

    private MockHttpServletResponse call(String method, String path, FilterChain camunda) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/engine-rest" + path);
        request.setServletPath("/engine-rest");
        request.setPathInfo(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, camunda);
        return response;
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
