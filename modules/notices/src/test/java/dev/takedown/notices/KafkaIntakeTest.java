package dev.takedown.notices;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.takedown.events.InboundSignatures;
import dev.takedown.events.Topics;
import dev.takedown.evidence.EvidenceFiles;
import dev.takedown.kernel.Caller;
import dev.takedown.testing.EmbeddedDatabase;
import dev.takedown.testing.NoticeJson;
import dev.takedown.works.ProtectedWorks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka intake on a real KRaft broker and PostgreSQL: a notice is filed for the organisation whose key signed it,
 * never for the one the record key names. Refused records reach the container's error handler (the application's
 * dead-lettering one, {@code app.DeadLetters}, publishes them with this reason) and file nothing.
 */
@ApplicationModuleTest(extraIncludes = {"correspondence", "misuse", "notifiers"})
@AutoConfigureMockMvc(addFilters = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(
        properties = {
            "takedown.links.secret=a-secret-for-the-module-test-only-0123456789",
            "takedown.intake.keys.portal-a.organisation=org-a",
            "takedown.intake.keys.portal-a.secret=" + KafkaIntakeTest.SECRET_A,
            "takedown.intake.keys.portal-b.organisation=org-b",
            "takedown.intake.keys.portal-b.secret=" + KafkaIntakeTest.SECRET_B,
            "spring.kafka.consumer.auto-offset-reset=earliest",
            "spring.jpa.properties.hibernate.jdbc.time_zone=UTC",
            "spring.flyway.out-of-order=true"
        })
class KafkaIntakeTest {

    static final String SECRET_A = "org-a-portal-key-for-this-test-only-0123456789";
    static final String SECRET_B = "org-b-portal-key-for-this-test-only-0123456789";

    private static final EmbeddedKafkaKraftBroker broker = broker();

    /** What the container's error handler was given: record key and reason. */
    static final List<String> refused = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
        registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @TestConfiguration
    static class Refusals {

        /** The kernel's clock, which the module test does not bootstrap. */
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        CommonErrorHandler recordingErrorHandler() {
            return new DefaultErrorHandler(
                    (record, e) -> refused.add(record.key() + " → " + rootMessage(e)), new FixedBackOff(0, 0));
        }
    }

    @MockitoBean
    ProtectedWorks works;

    @MockitoBean
    EvidenceFiles evidence;

    @MockitoBean
    RunningDeadlines deadlines;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    @Order(1)
    void aNoticeIsFiledForTheOrganisationThatSignedItAndNoOther() throws Exception {
        String notice = NoticeJson.complete("CN_CC_1195").json();
        try (KafkaProducer<String, String> producer = producer()) {
            // org-a's portal files as org-b, with a valid signature of its own
            producer.send(signed("org-b:forged", notice, "portal-a", SECRET_A)).get();
            // no signature at all
            producer.send(new ProducerRecord<>(Topics.NOTICES_INBOUND, "org-a:unsigned", notice))
                    .get();
            // signed, then the value changed on the way
            ProducerRecord<String, String> tampered = signed("org-a:tampered", notice, "portal-a", SECRET_A);
            producer.send(new ProducerRecord<>(
                            Topics.NOTICES_INBOUND,
                            null,
                            tampered.key(),
                            notice.replace("CN_CC_1195", "US_DMCA"),
                            tampered.headers()))
                    .get();
            // a key id nobody configured
            producer.send(signed("org-a:unknown-key", notice, "portal-x", SECRET_A))
                    .get();
            // the same idempotency key from both organisations' portals: two notices, one each
            producer.send(signed("org-a:shared", notice, "portal-a", SECRET_A)).get();
            producer.send(signed("org-b:shared", notice, "portal-b", SECRET_B)).get();
            // org-a's redelivery finds its own notice
            producer.send(signed("org-a:shared", notice, "portal-a", SECRET_A)).get();
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> refused.size() == 4 && notices("shared").size() == 2);
        assertThat(notices("shared")).containsExactly("org-a", "org-b");
        assertThat(refused)
                .containsExactlyInAnyOrder(
                        "org-b:forged → the record key names organisation 'org-b' but is signed with 'org-a''s key",
                        "org-a:unsigned → no takedown-key-id header",
                        "org-a:tampered → takedown-signature does not match key 'portal-a'",
                        "org-a:unknown-key → unknown takedown-key-id 'portal-x'");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> refused.size() == 4);
        assertThat(jdbc.queryForObject(
                        "select count(*) from notice where idempotency_key in ('forged', 'unsigned', 'tampered',"
                                + " 'unknown-key')",
                        Integer.class))
                .as("refused records file nothing")
                .isZero();
        assertThat(notices("shared")).as("a redelivery opens no second notice").hasSize(2);
    }

    /** After the first test, whose count of refusals this one would change. */
    @Test
    @Order(2)
    void aRightOutsideTheProfilesVocabularyIsRefusedOnEveryChannelNamingTheField() throws Exception {
        String banana = NoticeJson.complete("US_DMCA").claim("BANANA").json();
        mvc.perform(post("/api/notices")
                        .principal(new TestingAuthenticationToken(
                                "rightsholder-a", null, "ROLE_RIGHTS_HOLDER", Caller.ORGANISATION_PREFIX + "org-a"))
                        .header("Idempotency-Key", "banana-api")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(banana))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath(
                        "$.errors[?(@.field == 'claim.right_type')].message",
                        hasItem(allOf(
                                containsString("'BANANA'"), containsString("allowed: [COPYRIGHT_REPRODUCTION")))));
        // trademark is a right in China, not under the DMCA; the Kafka producer learns it from the dead letter
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(signed(
                            "org-a:trademark-kafka",
                            NoticeJson.complete("US_DMCA")
                                    .claim("COPYRIGHT", "TRADEMARK")
                                    .json(),
                            "portal-a",
                            SECRET_A))
                    .get();
            producer.send(signed(
                            "org-a:trademark-cn",
                            NoticeJson.complete("CN_CC_1195")
                                    .claim("COPYRIGHT_REPRODUCTION", "TRADEMARK")
                                    .json(),
                            "portal-a",
                            SECRET_A))
                    .get();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> refused.stream().anyMatch(r -> r.startsWith("org-a:trademark-kafka"))
                        && notices("trademark-cn").size() == 1);
        assertThat(refused)
                .filteredOn(r -> r.startsWith("org-a:trademark-kafka"))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("claim.right_type: ", "'TRADEMARK'", "under [US_DMCA]")
                .doesNotContain("'COPYRIGHT'");
        assertThat(jdbc.queryForObject(
                        "select count(*) from notice where idempotency_key in ('banana-api', 'trademark-kafka')",
                        Integer.class))
                .as("a refused notice files nothing")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select body #> '{claim,right_type}' from notice where idempotency_key = 'trademark-cn'",
                        String.class))
                .as("several rights per notice, stored as given")
                .isEqualTo("[\"COPYRIGHT_REPRODUCTION\", \"TRADEMARK\"]");
    }

    private List<String> notices(String idempotencyKey) {
        return jdbc.queryForList(
                "select organisation_id from notice where idempotency_key = ? order by organisation_id",
                String.class,
                idempotencyKey);
    }

    private static ProducerRecord<String, String> signed(String key, String value, String keyId, String secret) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.NOTICES_INBOUND, key, value);
        record.headers().add(InboundSignatures.KEY_ID, keyId.getBytes(UTF_8));
        record.headers()
                .add(
                        InboundSignatures.SIGNATURE,
                        InboundSignatures.sign(secret, key, value.getBytes(UTF_8))
                                .getBytes(UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new StringSerializer());
    }

    private static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.NOTICES_INBOUND);
        broker.afterPropertiesSet();
        return broker;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
