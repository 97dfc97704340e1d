package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.EventType;
import dev.takedown.events.ResponseTimesPublished;
import dev.takedown.notices.ResponseTimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The published response times are versioned: start-up published the configured table; the same table again makes
 * no version; a changed table becomes version n+1, is recorded in the audit ledger (through the outbox and Kafka),
 * listed by the public {@code GET /api/response-times} and shown with its version on the complaint page. The service
 * is called directly with another table: a second application context with other settings cannot run in this JVM.
 */
class ResponseTimesIT extends StackTest {

    private static final String PUBLISHED =
            ResponseTimesPublished.class.getAnnotation(EventType.class).value();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ResponseTimes responseTimes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startUpPublishedTheConfiguredTimesAndTheSameTableMakesNoNewVersion() {
        ResponseTimes.Version current = responseTimes.current().orElseThrow();
        assertThat(current.times())
                .isEqualTo(responseTimes.configured())
                .containsEntry("review.standard", "PT24H")
                .containsEntry("review.priority", "PT2H")
                .containsEntry("complaint.decision", "P7D")
                .containsEntry("EU_DSA.appeal-window", "P6M")
                .containsEntry("CN_ECOM.counter-notice-wait", "P15D")
                .doesNotContainKey("CN_REGS_2013.appeal-window");
        long versions = versionCount();

        ResponseTimes.Version again = responseTimes.publish(responseTimes.configured());

        assertThat(again.version()).isEqualTo(current.version());
        assertThat(again.hash()).isEqualTo(current.hash());
        assertThat(versionCount()).isEqualTo(versions);
    }

    @Test
    void aChangedTableIsVersionNPlusOneInTheLedgerTheApiAndOnThePage() throws Exception {
        ResponseTimes.Version before = responseTimes.current().orElseThrow();
        SortedMap<String, String> changed = new TreeMap<>(responseTimes.configured());
        changed.put("review.standard", "PT12H");
        try {
            ResponseTimes.Version next = responseTimes.publish(changed);
            assertThat(next.version()).isEqualTo(before.version() + 1);
            assertThat(next.hash()).isNotEqualTo(before.hash()).hasSize(64);
            assertThat(responseTimes.publish(changed).version())
                    .as("unchanged: no version")
                    .isEqualTo(next.version());

            await().atMost(Cases.PATIENCE)
                    .untilAsserted(() -> assertThat(ledgerVersions()).contains(next.version()));
            JsonNode recorded = ledgerRecord(next.version());
            assertThat(recorded.path("hash").asText()).isEqualTo(next.hash());
            assertThat(recorded.path("times").path("review.standard").asText()).isEqualTo("PT12H");

            Api.Response api = Api.anonymous(baseUrl()).get("/api/response-times");
            assertThat(api.status()).isEqualTo(200);
            JsonNode newest = api.json().get(0);
            assertThat(newest.path("version").asInt()).isEqualTo(next.version());
            assertThat(newest.path("hash").asText()).isEqualTo(next.hash());
            assertThat(newest.path("times").path("review.standard").asText()).isEqualTo("PT12H");
            assertThat(newest.has("applies_until"))
                    .as("the newest applies until further notice")
                    .isFalse();
            assertThat(api.json().get(1).path("version").asInt()).isEqualTo(before.version());
            assertThat(api.json().get(1).path("applies_until").asText())
                    .isEqualTo(newest.path("applies_from").asText());

            PageSession.Response page = PageSession.anonymous(baseUrl()).get("/complaints?lang=en");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("12 hours").contains("Version " + next.version());
        } finally {
            // back to the configured table (as a further version), which the other tests see
            responseTimes.publish(responseTimes.configured());
        }
        assertThat(responseTimes.current().orElseThrow().hash()).isEqualTo(before.hash());
    }

    @Test
    void theDmcaAgentIsPublicOnTheApiAndTheComplaintPage() throws Exception {
        Api.Response api = Api.anonymous(baseUrl()).get("/api/designated-agent");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().path("registration_number").asText()).isEqualTo("DMCA-1000000");
        assertThat(api.json().path("email").asText()).isEqualTo("dmca-agent@takedown.example");
        assertThat(api.json().path("expires_on").asText()).isEqualTo("2029-01-15");

        PageSession.Response page = PageSession.anonymous(baseUrl()).get("/complaints?lang=en");
        assertThat(page.body())
                .contains("DMCA designated agent")
                .contains("Copyright Agent, Takedown Demo Platform")
                .contains("mailto:dmca-agent@takedown.example")
                .contains("Copyright Office designation DMCA-1000000, registered 2026-01-15, valid until 2029-01-15");
    }

    private long versionCount() {
        return jdbc.queryForObject("select count(*) from response_times_version", Long.class);
    }

    private List<Integer> ledgerVersions() {
        return jdbc
                .queryForList("select payload from audit_ledger where event_type = ?", String.class, PUBLISHED)
                .stream()
                .map(ResponseTimesIT::read)
                .map(p -> p.path("version").asInt())
                .toList();
    }

    private JsonNode ledgerRecord(int version) {
        return jdbc
                .queryForList("select payload from audit_ledger where event_type = ?", String.class, PUBLISHED)
                .stream()
                .map(ResponseTimesIT::read)
                .filter(p -> p.path("version").asInt() == version)
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
