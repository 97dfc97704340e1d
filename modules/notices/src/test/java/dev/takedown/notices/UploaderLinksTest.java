package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.UploaderLinksRevoked;
import dev.takedown.evidence.EvidenceFiles;
import dev.takedown.testing.EmbeddedDatabase;
import dev.takedown.testing.NoticeJson;
import dev.takedown.works.ProtectedWorks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Uploader links on the notices module and a real PostgreSQL, through the uploader API: each link opens its own
 * purpose only, an expired or revoked one is refused with problem+json, and a revocation is published as a fact.
 * (Security filters are the application's, not this module's; the pages are {@code CounterNoticeIT}'s.)
 */
@ApplicationModuleTest(extraIncludes = {"correspondence", "misuse", "notifiers"})
@AutoConfigureMockMvc(addFilters = false)
@TestPropertySource(
        properties = {
            "takedown.links.secret=a-secret-for-the-module-test-only-0123456789",
            "spring.kafka.listener.auto-startup=false",
            "spring.jpa.properties.hibernate.jdbc.time_zone=UTC",
            "spring.flyway.out-of-order=true"
        })
class UploaderLinksTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }

    @TestConfiguration
    static class Time {

        /** The kernel's clock, which the module test does not bootstrap. */
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @MockitoBean
    ProtectedWorks works;

    @MockitoBean
    EvidenceFiles evidence;

    @MockitoBean
    RunningDeadlines deadlines;

    @Autowired
    MockMvc mvc;

    @Autowired
    UploaderLinks links;

    @Autowired
    NoticeIntake intake;

    @Autowired
    ObjectMapper json;

    private String caseId;
    private String view;
    private String counter;
    private String appeal;

    @BeforeEach
    void aCaseWithALinkForEachPurpose() throws Exception {
        caseId = intake.submit(
                        json.readValue(NoticeJson.complete("CN_CC_1195").json(), NoticeSubmission.class),
                        new Submitter("holder@org-a", "org-a", Submitter.Channel.API),
                        null,
                        false)
                .caseId();
        Instant later = Instant.now().plus(Duration.ofDays(1));
        view = links.issue(caseId, UploaderLinkPurpose.VIEW, later);
        counter = links.issue(caseId, UploaderLinkPurpose.COUNTER_NOTICE, later);
        appeal = links.issue(caseId, UploaderLinkPurpose.APPEAL, later);
    }

    @Test
    void everyLinkReadsTheNoticeAndThePageOffersTheAnswersLinks() throws Exception {
        for (String token : new String[] {view, counter, appeal}) {
            mvc.perform(get("/api/uploader/" + token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.case_id").value(caseId))
                    .andExpect(jsonPath("$.counter_notice_link").value(counter))
                    .andExpect(jsonPath("$.appeal_link").value(appeal));
        }
    }

    @Test
    void aLinkUsedForAnotherPurposeIsRefused() throws Exception {
        for (String token : new String[] {view, appeal}) {
            mvc.perform(post("/api/uploader/" + token + "/counter-notice")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("uploader-link-wrong-purpose")));
        }
        assertThat(links.caseFor(appeal, UploaderLinkPurpose.APPEAL)).contains(caseId);
        mvc.perform(post("/api/uploader/" + counter + "/counter-notice")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("counter-notice-incomplete")));
    }

    @Test
    void anExpiredLinkIsGoneAndAForgedOneUnknown() throws Exception {
        String expired = links.issue(
                caseId, UploaderLinkPurpose.COUNTER_NOTICE, Instant.now().minusSeconds(1));
        mvc.perform(get("/api/uploader/" + expired))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("uploader-link-expired")));
        mvc.perform(post("/api/uploader/" + expired + "/counter-notice")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isGone());
        String forged = counter.substring(0, counter.indexOf('.') + 1) + "A".repeat(43);
        mvc.perform(get("/api/uploader/" + forged)).andExpect(status().isNotFound());
    }

    @Test
    void revokedLinksAreGoneWithTheRevocationPublished(PublishedEvents events) throws Exception {
        int revoked =
                links.revoke(caseId, Set.of(UploaderLinkPurpose.COUNTER_NOTICE), "moderator", "sent to a stranger");

        assertThat(revoked).isEqualTo(1);
        mvc.perform(post("/api/uploader/" + counter + "/counter-notice")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("uploader-link-revoked")));
        mvc.perform(get("/api/uploader/" + view))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counter_notice_link").doesNotExist())
                .andExpect(jsonPath("$.appeal_link").value(appeal));
        assertThat(events.ofType(UploaderLinksRevoked.class)).singleElement().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(caseId);
            assertThat(e.actor()).isEqualTo("moderator");
            assertThat(e.purposes()).containsExactly("COUNTER_NOTICE");
            assertThat(e.links()).isEqualTo(1);
            assertThat(e.reason()).isEqualTo("sent to a stranger");
        });

        links.revoke(caseId, Set.of(), "compliance", "withdrawn");
        mvc.perform(get("/api/uploader/" + view)).andExpect(status().isGone());
    }

    @Test
    void aRevocationNeedsAReasonAndAKnownCase() throws Exception {
        mvc.perform(post("/api/notices/" + caseId + "/uploader-links/revocation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purposes\":[\"APPEAL\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(links.caseFor(appeal, UploaderLinkPurpose.APPEAL)).contains(caseId);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> links.revoke("not-a-case", Set.of(), "moderator", "x"))
                .isInstanceOf(CaseNotFoundException.class);
    }
}
