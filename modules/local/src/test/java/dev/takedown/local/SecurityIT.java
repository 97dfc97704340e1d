package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Roles at the doors: the API, Camunda's REST API and webapps, and the pages. */
class SecurityIT extends StackTest {

    @Test
    void apiNeedsAuthenticationAndTheRightRole() {
        Api.Response anonymous = Api.anonymous(baseUrl()).get("/api/notices");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        assertThat(Api.as(baseUrl(), "moderator")
                        .post("/api/notices", Notices.complete("https://x.test/a"))
                        .status())
                .as("only rights holders file notices")
                .isEqualTo(403);
        assertThat(Api.as(baseUrl(), "rightsholder-a").get("/api/tasks").status())
                .isEqualTo(403);
        assertThat(Api.as(baseUrl(), "rightsholder-a").get("/api/audit/verify").status())
                .isEqualTo(403);
        assertThat(Api.as(baseUrl(), "moderator").get("/api/audit/verify").status())
                .isEqualTo(403);
        assertThat(Api.as(baseUrl(), "compliance").get("/api/audit/verify").status())
                .isEqualTo(200);
        assertThat(Api.as(baseUrl(), "rightsholder-a").get("/api/nothing-here").status())
                .isEqualTo(403);
    }

    @Test
    void wrongPasswordIsRefused() {
        Api.Response response = Api.as(baseUrl(), "rightsholder-a", "not-demo").get("/api/notices");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Api.as(baseUrl(), "no-such-user").get("/api/notices").status())
                .isEqualTo(401);
    }

    @Test
    void camundaRestApiIsForAdminsOnly() {
        assertThat(Api.anonymous(baseUrl())
                        .get("/engine-rest/process-definition")
                        .status())
                .isEqualTo(401);
        assertThat(Api.as(baseUrl(), "moderator")
                        .get("/engine-rest/process-definition")
                        .status())
                .isEqualTo(403);
        Api.Response admin = Api.as(baseUrl(), "admin").get("/engine-rest/process-definition?key=notice-lifecycle");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("notice-lifecycle");
    }

    @Test
    void pagesForbidInlineScriptsAndFraming() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.body())
                .as("scripts come from our own files, never inline")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/js/)");

        HttpResponse<String> api = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/notices"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void camundaWebappsAndPagesNeedLogin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> cockpit = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/cockpit/default/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cockpit.statusCode()).isEqualTo(302);
        assertThat(cockpit.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> tasks = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/tasks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasks.statusCode()).isEqualTo(302);

        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");

        HttpResponse<String> openApi = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/v3/api-docs"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/notices").contains("/api/tasks/{taskId}/decision");
    }
}
