package dev.takedown.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/** API keys (hashed, revocable, tenant-scoped) and login throttling that slows guessing but never locks for good. */
class CredentialsTest extends SecurityOnlyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void organisationKeyActsForItsOrganisationUntilRevoked() throws Exception {
        assertThat(post(
                                "rightsholder-a",
                                "/api/admin/api-keys",
                                "{\"role\":\"RIGHTS_HOLDER\",\"organisation_id\":\"org-a\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> invalid =
                post("admin", "/api/admin/api-keys", "{\"role\":\"ADMIN\",\"organisation_id\":\"nope\"}");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("role", "organisation_id");

        ResponseEntity<String> issued = post(
                "admin",
                "/api/admin/api-keys",
                "{\"role\":\"RIGHTS_HOLDER\",\"organisation_id\":\"org-a\",\"label\":\"portal\"}");
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode key = JSON.readTree(issued.getBody());
        String secret = key.get("key").asText();
        String keyId = key.get("key_id").asText();
        assertThat(http.withBasicAuth("admin", "demo").getForObject("/api/admin/api-keys", String.class))
                .contains(keyId)
                .doesNotContain(secret);
        assertThat(jdbc.queryForObject("select count(*) from api_key where key_hash = ?", Integer.class, secret))
                .as("the key itself is never stored")
                .isZero();

        ResponseEntity<String> asKey = withKey(secret, "/api/notices/" + UUID.randomUUID());
        assertThat(asKey.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode caller = JSON.readTree(asKey.getBody());
        assertThat(caller.get("role").asText()).isEqualTo("RIGHTS_HOLDER");
        assertThat(caller.get("organisation").asText())
                .as("the key acts for its organisation, whose tenancy rule then applies")
                .isEqualTo("org-a");
        assertThat(withKey(secret, "/api/tasks").getStatusCode())
                .as("a rights holder's key is no moderator")
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(post("admin", "/api/admin/api-keys/" + keyId + "/revocation", "")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("admin", "/api/admin/api-keys/" + keyId + "/revocation", "")
                        .getStatusCode())
                .as("revoked already")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(withKey(secret, "/api/notices").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(withKey("tdk_00000000_forged", "/api/notices").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void repeatedWrongPasswordsSlowDownThatNameButNotForever() throws Exception {
        String user = "throttled-" + UUID.randomUUID();
        jdbc.update(
                "insert into app_user (username, password_hash, role) values (?, ?, 'MODERATOR')",
                user,
                passwords.encode("right"));
        for (int attempt = 0; attempt < 7; attempt++) {
            assertThat(get(user, "wrong", "/api/tasks").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> throttled = get(user, "right", "/api/tasks");
        ResponseEntity<String> unknown = get("nobody-" + UUID.randomUUID(), "x", "/api/tasks");
        assertThat(throttled.getStatusCode())
                .as("the right password waits its turn")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(throttled.getBody()).as("same answer as for an unknown user").isEqualTo(unknown.getBody());

        Thread.sleep(2_200);
        assertThat(get(user, "right", "/api/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(user, "wrong", "/api/tasks").getStatusCode())
                .as("a success clears the record")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(user, "right", "/api/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> get(String user, String password, String path) {
        return http.withBasicAuth(user, password).getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }

    private ResponseEntity<String> withKey(String key, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Api-Key", key);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static List<String> fields(ResponseEntity<String> problem) throws Exception {
        List<String> fields = new ArrayList<>();
        JSON.readTree(problem.getBody())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
