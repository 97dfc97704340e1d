package dev.takedown.audit.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.takedown.audit.ActorType;
import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.LedgerRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The REST API's JSON shape and the page's markup, without a Spring context or a database. */
class AuditWebTest {

    private static final String HASH_1 = "a1b2c3d4e5f6" + "0".repeat(52);
    private static final String HASH_2 = "0f9e8d7c6b5a" + "1".repeat(52);

    private final AuditTrail trail = mock(AuditTrail.class);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(engine);
        // dates as ISO-8601 strings, as Spring Boot configures Jackson in the app
        var json = new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
        mvc = MockMvcBuilders.standaloneSetup(new AuditApi(trail), new AuditPages(trail))
                .setMessageConverters(new ByteArrayHttpMessageConverter(), json).setViewResolvers(views).build();
    }

    @Test
    void caseTimelineIsSnakeCaseJson() throws Exception {
        when(trail.caseTimeline("case-1")).thenReturn(timeline());

        mvc.perform(get("/api/audit/cases/case-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].seq").value(1))
                .andExpect(jsonPath("$[0].event_id").value("e-1"))
                .andExpect(jsonPath("$[0].event_type").value("dev.takedown.task.claimed.v1"))
                .andExpect(jsonPath("$[0].case_id").value("case-1"))
                .andExpect(jsonPath("$[0].actor_type").value("HUMAN"))
                .andExpect(jsonPath("$[0].occurred_at").value("2025-01-02T03:04:05Z"))
                .andExpect(jsonPath("$[0].payload").value("{\"a\":1}"))
                .andExpect(jsonPath("$[0].prev_hash").value("0".repeat(64)))
                .andExpect(jsonPath("$[0].chain").value(0))
                .andExpect(jsonPath("$[0].legal_basis").value("DSA_ART_16"))
                .andExpect(jsonPath("$[0].policy_version").value("2026-11-01"))
                .andExpect(jsonPath("$[1].actor_type").value("AUTOMATED"));
    }

    @Test
    void verifyIsSnakeCaseJson() throws Exception {
        when(trail.verify()).thenReturn(ChainStatus.intact(3, 1, 0).broken(0, 2L, null, "hash does not match the record's content"));

        mvc.perform(get("/api/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.records").value(3))
                .andExpect(jsonPath("$.checkpoints").value(1))
                .andExpect(jsonPath("$.chain").value(0))
                .andExpect(jsonPath("$.first_broken_seq").value(2))
                .andExpect(jsonPath("$.reason").value("hash does not match the record's content"));
    }

    @Test
    void bundleIsAZipAttachment() throws Exception {
        when(trail.evidenceBundle("case 1")).thenReturn(Optional.of(new byte[] {'P', 'K', 3, 4}));

        mvc.perform(get("/api/audit/cases/{caseId}/bundle", "case 1"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"case-case_1-evidence.zip\""))
                .andExpect(content().bytes(new byte[] {'P', 'K', 3, 4}));
    }

    @Test
    void bundleOfAnUnknownCaseIsNotFound() throws Exception {
        when(trail.evidenceBundle("nope")).thenReturn(Optional.empty());

        mvc.perform(get("/api/audit/cases/nope/bundle")).andExpect(status().isNotFound());
    }

    @Test
    void pageShowsAnIntactChainWithoutATimeline() throws Exception {
        when(trail.verify()).thenReturn(ChainStatus.intact(42, 0, 0));

        mvc.perform(get("/audit"))
                .andExpect(status().isOk())
                .andExpect(xpath("//head/title").string("Audit trail"))
                .andExpect(xpath("//*[@id='chain-status']").string(containsString("intact")))
                .andExpect(xpath("//*[@id='chain-status']").string(containsString("42 records")))
                .andExpect(xpath("//*[@id='chain-status']").string(not(containsString("BROKEN"))))
                .andExpect(xpath("//*[@id='timeline']").doesNotExist());
        verify(trail, never()).caseTimeline(ArgumentMatchers.anyString());
    }

    @Test
    void pageShowsABrokenChainAndTheCaseTimeline() throws Exception {
        when(trail.verify()).thenReturn(ChainStatus.intact(2, 0, 0).broken(0, 2L, null, "record 2 is missing; the next one is 3"));
        when(trail.caseTimeline("case-1")).thenReturn(timeline());

        mvc.perform(get("/audit").param("caseId", "case-1"))
                .andExpect(status().isOk())
                .andExpect(xpath("//*[@id='chain-status']").string(containsString("BROKEN")))
                .andExpect(xpath("//*[@id='chain-status']").string(not(containsString("intact"))))
                .andExpect(xpath("//*[@id='chain-status']").string(containsString("at record 2")))
                .andExpect(xpath("//*[@id='chain-status']").string(containsString("2 records")))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr").nodeCount(2))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[1]").string("1"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[2]").string("2025-01-02T03:04:05Z"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[3]").string("dev.takedown.task.claimed.v1"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[4]").string("mod-1"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[5]").string("HUMAN"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[6]").string("a1b2c3d4e5f6"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[2]/td[5]").string("AUTOMATED"));
    }

    @Test
    void pageShowsAnEmptyTimelineForACaseWithoutRecords() throws Exception {
        when(trail.verify()).thenReturn(ChainStatus.intact(0, 0, 0));
        when(trail.caseTimeline("nope")).thenReturn(List.of());

        mvc.perform(get("/audit").param("caseId", "nope"))
                .andExpect(status().isOk())
                .andExpect(xpath("//*[@id='timeline']/tbody/tr").nodeCount(0))
                .andExpect(xpath("//p[@class='empty']").string("No records for this case."));
    }

    private static List<LedgerRecord> timeline() {
        Instant at = Instant.parse("2025-01-02T03:04:05Z");
        return List.of(
                new LedgerRecord(0, 1, "e-1", "takedown.tasks", "dev.takedown.task.claimed.v1", "case-1", "mod-1",
                        ActorType.HUMAN, "DSA_ART_16", "2026-11-01", at, at, "{\"a\":1}", "0".repeat(64), HASH_1, 2),
                new LedgerRecord(0, 3, "e-3", "takedown.measures", "dev.takedown.measure.applied.v1", "case-1",
                        "system", ActorType.AUTOMATED, null, "2026-11-01", at, at, "{}", HASH_1, HASH_2, 2));
    }
}
