package dev.takedown.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The dead-letter page on PostgreSQL behind the real security chain: administrators and compliance officers see each
 * dead-lettered record once, its value escaped and cut short; other roles are refused; a discard needs a reason and
 * names who gave it; a resolved dead letter cannot be resolved again.
 */
class DeadLetterPagesTest extends SecurityOnlyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Autowired
    DeadLetterRecords records;

    private final String topic = "takedown.test-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void complianceOfficer() {
        jdbc.update(
                "insert into app_user (username, password_hash, role) values ('compliance', ?, 'COMPLIANCE_OFFICER')"
                        + " on conflict do nothing",
                new BCryptPasswordEncoder(4).encode("demo"));
    }

    @Test
    void staffWhoKeepTheSystemSeeEachDeadLetterOnceEscapedAndCutShortAndOthersAreRefused() {
        String value = "<script>alert(1)</script>" + "x".repeat(5_000) + "\u0000";
        ConsumerRecord<String, String> poison = new ConsumerRecord<>(topic, 1, 42, "key-<b>", value);
        records.record(poison, "JsonParseException: Unexpected character ('<')", "takedown-notices");
        // the same record failing in another consumer group (or on another node) is the same dead letter
        records.record(poison, "another group", "takedown-audit");

        for (String user : new String[] {"admin", "compliance"}) {
            HttpResponse<String> page = signIn(user).get("/admin/dead-letters?topic=" + topic);
            assertThat(page.statusCode()).as(user).isEqualTo(200);
            assertThat(page.body())
                    .contains(topic + "-1@42")
                    .contains("key-&lt;b&gt;")
                    .contains("JsonParseException: Unexpected character (&#39;&lt;&#39;)")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert(1)")
                    .doesNotContain("another group")
                    .doesNotContain("x".repeat(DeadLetterRecords.PREVIEW))
                    .contains("5026 bytes")
                    .contains("takedown-notices");
            assertThat(Pattern.compile(Pattern.quote(topic + "-1@42"))
                            .matcher(page.body())
                            .results()
                            .count())
                    .isEqualTo(1);
        }

        Browser moderator = signIn("moderator");
        assertThat(moderator.get("/admin/dead-letters").statusCode()).isEqualTo(403);
        assertThat(new Browser().get("/admin/dead-letters").statusCode())
                .as("not signed in: to the login page")
                .isEqualTo(302);
    }

    @Test
    void aDiscardNeedsAReasonNamesWhoGaveItAndIsFinal() {
        records.record(new ConsumerRecord<>(topic, 0, 7, "k", "{not json"), "JsonParseException", "takedown-notices");
        UUID id = jdbc.queryForObject("select id from dead_letter where topic = ?", UUID.class, topic);
        Browser compliance = signIn("compliance");

        assertThat(compliance
                        .post("/admin/dead-letters/" + id + "/discard", Map.of("reason", "  "))
                        .statusCode())
                .isEqualTo(302);
        assertThat(compliance.get("/admin/dead-letters").body()).contains("Say why it is discarded");
        assertThat(status(id)).isEqualTo("OPEN");

        Browser moderator = signIn("moderator");
        assertThat(moderator
                        .post("/admin/dead-letters/" + id + "/discard", Map.of("reason", "mine"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(status(id)).isEqualTo("OPEN");

        compliance.post("/admin/dead-letters/" + id + "/discard", Map.of("reason", "a test record, never valid"));
        assertThat(status(id)).isEqualTo("DISCARDED");
        assertThat(jdbc.queryForMap("select resolved_by, resolution_note from dead_letter where id = ?", id))
                .containsEntry("resolved_by", "compliance")
                .containsEntry("resolution_note", "a test record, never valid");
        assertThat(compliance.get("/admin/dead-letters?topic=" + topic).body())
                .contains("Discarded by compliance: a test record, never valid")
                .doesNotContain("/admin/dead-letters/" + id + "/replay");

        compliance.post("/admin/dead-letters/" + id + "/replay", Map.of());
        assertThat(compliance.get("/admin/dead-letters").body()).contains("That dead letter is no longer open.");
        assertThat(status(id)).isEqualTo("DISCARDED");
        compliance.post("/admin/dead-letters/not-a-uuid/replay", Map.of());
        assertThat(compliance.get("/admin/dead-letters").body()).contains("That dead letter is no longer open.");
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from dead_letter where id = ?", String.class, id);
    }

    private Browser signIn(String user) {
        Browser browser = new Browser();
        HttpResponse<String> signedIn = browser.post("/login", Map.of("username", user, "password", "demo"));
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        // signing in issues a new CSRF token: forms of this session carry that one
        browser.get("/login");
        return browser;
    }

    /** Cookies kept, redirects not followed; every form carries the CSRF token of the last page read. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String csrf;

        HttpResponse<String> get(String path) {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
            CSRF.matcher(response.body()).results().findFirst().ifPresent(m -> csrf = m.group(1));
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            if (csrf == null) {
                get("/login");
            }
            StringBuilder form = new StringBuilder("_csrf=" + csrf);
            fields.forEach((name, value) ->
                    form.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        }

        private HttpResponse<String> send(HttpRequest.Builder builder) {
            try {
                return http.send(
                        builder.header("Accept", "text/html")
                                .header("Accept-Language", "en")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
