package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** API keys (hashed, revocable, tenant-scoped) and login throttling that slows guessing but never locks for good. */
class CredentialsIT extends StackTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void organisationKeyActsForItsOrganisationUntilRevoked() throws Exception {
        Api admin = Api.as(baseUrl(), "admin");
        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .post("/api/admin/api-keys", "{\"role\":\"RIGHTS_HOLDER\",\"organisation_id\":\"org-a\"}")
                        .status())
                .isEqualTo(403);
        Api.Response invalid = admin.post("/api/admin/api-keys", "{\"role\":\"ADMIN\",\"organisation_id\":\"nope\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(CounterNoticeIT.fields(invalid)).containsExactlyInAnyOrder("role", "organisation_id");

        Api.Response issued = admin.post(
                "/api/admin/api-keys",
                "{\"role\":\"RIGHTS_HOLDER\",\"organisation_id\":\"org-a\",\"label\":\"portal\"}");
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().get("key").asText();
        String keyId = issued.json().get("key_id").asText();
        assertThat(admin.get("/api/admin/api-keys").body()).contains(keyId).doesNotContain(key);
        Integer stored = jdbc.queryForObject("select count(*) from api_key where key_hash = ?", Integer.class, key);
        assertThat(stored).as("the key itself is never stored").isZero();

        Api.Response filed = Api.anonymous(baseUrl())
                .post(
                        "/api/notices",
                        Notices.complete("https://gen.example/k/" + UUID.randomUUID()),
                        Map.of("X-Api-Key", key));
        assertThat(filed.status()).isEqualTo(201);
        String caseId = filed.json().get("case_id").asText();
        String orgBCase = Api.as(baseUrl(), "rightsholder-b")
                .post("/api/notices", Notices.complete("https://gen.example/k/" + UUID.randomUUID()))
                .json()
                .get("case_id")
                .asText();
        assertThat(withKey(key, "/api/notices/" + caseId)).isEqualTo(200);
        assertThat(withKey(key, "/api/notices/" + orgBCase)).isEqualTo(404);

        assertThat(admin.post("/api/admin/api-keys/" + keyId + "/revocation", "")
                        .status())
                .isEqualTo(204);
        assertThat(withKey(key, "/api/notices/" + caseId)).isEqualTo(401);
        assertThat(withKey("tdk_00000000_forged", "/api/notices")).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsSlowDownThatNameButNotForever() throws Exception {
        String user = "throttled-" + UUID.randomUUID();
        jdbc.update(
                "insert into app_user (username, password_hash, role) values (?, ?, 'MODERATOR')",
                user,
                passwords.encode("right"));
        for (int attempt = 0; attempt < 7; attempt++) {
            assertThat(Api.as(baseUrl(), user, "wrong").get("/api/tasks").status())
                    .isEqualTo(401);
        }
        Api.Response throttled = Api.as(baseUrl(), user, "right").get("/api/tasks");
        Api.Response unknown =
                Api.as(baseUrl(), "nobody-" + UUID.randomUUID(), "x").get("/api/tasks");
        assertThat(throttled.status()).as("the right password waits its turn").isEqualTo(401);
        assertThat(throttled.body()).as("same answer as for an unknown user").isEqualTo(unknown.body());

        Thread.sleep(2_200);
        assertThat(Api.as(baseUrl(), user, "right").get("/api/tasks").status()).isEqualTo(200);
        assertThat(Api.as(baseUrl(), user, "wrong").get("/api/tasks").status())
                .as("a success clears the record")
                .isEqualTo(401);
        assertThat(Api.as(baseUrl(), user, "right").get("/api/tasks").status()).isEqualTo(200);
    }

    private int withKey(String key, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                .header("X-Api-Key", key)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
