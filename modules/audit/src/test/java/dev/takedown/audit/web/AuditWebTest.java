package dev.takedown.audit.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.takedown.audit.ActorType;
import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.CaseOverview;
import dev.takedown.audit.CasePage;
import dev.takedown.audit.CaseQuery;
import dev.takedown.audit.CaseSearch;
import dev.takedown.audit.CaseState;
import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.ComplianceReports;
import dev.takedown.audit.Disclosure;
import dev.takedown.audit.DisclosureFeed;
import dev.takedown.audit.DisclosurePage;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.audit.LegalHold;
import dev.takedown.audit.LegalHolds;
import dev.takedown.audit.Retention;
import dev.takedown.audit.SlaDashboard;
import dev.takedown.audit.TdbStatements;
import dev.takedown.audit.TransparencyReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final String HASH_1 = "a1b2c3d4e5f6" + "0".repeat(52);
    private static final String HASH_2 = "0f9e8d7c6b5a" + "1".repeat(52);

    private final AuditTrail trail = mock(AuditTrail.class);
    private final CaseSearch search = mock(CaseSearch.class);
    private final ComplianceReports reports = mock(ComplianceReports.class);
    private final LegalHolds holds = mock(LegalHolds.class);
    private final Retention retention = mock(Retention.class);
    private final DisclosureFeed feed = mock(DisclosureFeed.class);
    private final TdbStatements tdb = mock(TdbStatements.class);
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
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        var json = new MappingJackson2HttpMessageConverter(mapper);
        mvc = MockMvcBuilders.standaloneSetup(
                        new AuditApi(trail, search, reports, holds, retention),
                        new AuditPages(trail, search, reports, holds, tdb, mapper),
                        new PublicDisclosures(feed))
                .setMessageConverters(new ByteArrayHttpMessageConverter(), json)
                .setViewResolvers(views)
                .build();
        when(search.search(ArgumentMatchers.any())).thenReturn(new CasePage(List.of(), 0, false));
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
        when(trail.verify())
                .thenReturn(
                        ChainStatus.intact(3, 1, 0).broken(0, 2L, null, "hash does not match the record's content"));

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
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"case-case_1-evidence.zip\""))
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
        when(trail.verify())
                .thenReturn(ChainStatus.intact(2, 0, 0).broken(0, 2L, null, "record 2 is missing; the next one is 3"));

        mvc.perform(get("/audit"))
                .andExpect(status().isOk())
                .andExpect(xpath("//*[@id='chain-status']").string(containsString("BROKEN")))
                .andExpect(xpath("//*[@id='chain-status']").string(not(containsString("intact"))))
                .andExpect(xpath("//*[@id='chain-status']").string(containsString("at record 2")))
                .andExpect(xpath("//*[@id='chain-status']").string(containsString("2 records")));
    }

    @Test
    void caseIdOpensTheCasePage() throws Exception {
        mvc.perform(get("/audit").param("caseId", " case 1/x "))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/audit/cases/case%201%2Fx"));
    }

    @Test
    void casePageShowsTheTimelineAndTheBundleLink() throws Exception {
        when(trail.caseTimeline("case-1")).thenReturn(timeline());
        when(holds.find("case-1")).thenReturn(Optional.empty());

        mvc.perform(get("/audit/cases/case-1"))
                .andExpect(status().isOk())
                .andExpect(xpath("//a[@id='bundle']/@href").string("/audit/cases/case-1/bundle"))
                .andExpect(xpath("//a[@id='bundle']").string("Download evidence bundle"))
                .andExpect(xpath("//*[@id='legal-hold']").doesNotExist())
                .andExpect(xpath("//*[@id='timeline']/tbody/tr").nodeCount(2))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[1]").string("1"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[2]").string("2025-01-02T03:04:05Z"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[3]").string("dev.takedown.task.claimed.v1"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[4]").string("mod-1"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[5]").string("HUMAN"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[1]/td[6]").string("a1b2c3d4e5f6"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[2]/td[5]").string("AUTOMATED"))
                .andExpect(xpath("//*[@id='timeline']/tbody/tr[2]/td[7]").string("US_DMCA: 17 U.S.C. §512(c)(1)(C)"));
    }

    @Test
    void pageShowsAnEmptyTimelineForACaseWithoutRecords() throws Exception {
        when(trail.caseTimeline("nope")).thenReturn(List.of());
        when(holds.find("nope")).thenReturn(Optional.empty());

        mvc.perform(get("/audit/cases/nope"))
                .andExpect(status().isOk())
                .andExpect(xpath("//*[@id='timeline']").doesNotExist())
                .andExpect(xpath("//a[@id='bundle']").doesNotExist())
                .andExpect(xpath("//p[@class='empty']").string("No records for this case."));
    }

    @Test
    void transparencyReportAsJsonAndAsNeutralisedCsv() throws Exception {
        when(reports.transparency(MARCH_1, MARCH_2)).thenReturn(report());

        mvc.perform(get("/api/audit/reports/transparency")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-03-01"))
                .andExpect(jsonPath("$.notices.from_trusted_flaggers").value(1))
                .andExpect(jsonPath("$.notices.by_category['=cmd|calc']").value(2))
                .andExpect(jsonPath("$.decisions.median_hours_to_action").value(5.0))
                .andExpect(jsonPath("$.decisions.median_hours_to_removal").value(7.5))
                .andExpect(jsonPath("$.counter_notices.cases_restored").value(2))
                .andExpect(jsonPath("$.orders.median_hours_to_effect").value(3.5))
                .andExpect(jsonPath("$.notice_actions.by_basis.TERMS").value(1))
                .andExpect(jsonPath("$.automated_means.error_rate").value(0.25))
                .andExpect(jsonPath("$.automated_means.error_rate_method").value("reversed / decided"))
                .andExpect(
                        jsonPath("$.out_of_court.decided_by_outcome.OVERTURNED").value(1))
                .andExpect(jsonPath("$.suspensions.suspended.UPLOADER").value(2))
                .andExpect(jsonPath("$.active_recipients.average_monthly").value(1_250_000.0));
        mvc.perform(get("/api/audit/reports/transparency")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-02")
                        .param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"transparency-2026-03-01-2026-03-02.csv\""))
                .andExpect(content().string(containsString("notices_by_category,'=cmd|calc,2\r\n")))
                .andExpect(content().string(containsString("actions_by_basis,TERMS,1\r\n")))
                .andExpect(content().string(containsString("automated_means,accuracy,0.9\r\n")))
                .andExpect(content().string(containsString("automated_means,accuracy_method,blocked / replayed\r\n")))
                .andExpect(content().string(containsString("suspensions_by_party,NOTIFIER,1\r\n")))
                .andExpect(content().string(containsString("active_recipients,months_reported,2026-03\r\n")));
        mvc.perform(get("/audit/reports/transparency/download")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("'=cmd|calc")));
        mvc.perform(get("/api/audit/reports/transparency")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-02")
                        .param("format", "xlsx"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void transparencyPagePreviewsEachPayloadAsTheTransparencyDatabaseReceivesIt() throws Exception {
        when(reports.transparency(MARCH_1, MARCH_2)).thenReturn(report());
        when(tdb.endpoint())
                .thenReturn(java.util.Optional.of(java.net.URI.create("http://127.0.0.1:4711/api/v1/statements")));
        when(tdb.recent(20))
                .thenReturn(List.of(new TdbStatements.Statement(
                        "d-1",
                        "case-1",
                        "INVALID",
                        0,
                        "territorial_scope: the measures restrict in no EU or EEA country",
                        null,
                        null,
                        Instant.parse("2026-03-02T10:00:00Z"),
                        "{\n  \"puid\" : \"d-1\"\n}")));

        mvc.perform(get("/audit/reports/transparency")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(xpath("//*[@id='tdb-endpoint']").string(containsString("127.0.0.1:4711")))
                .andExpect(xpath("//table[@id='tdb-statements']//td[2]").string("INVALID"))
                .andExpect(xpath("//table[@id='tdb-statements']//td[4]").string(containsString("territorial_scope")))
                .andExpect(xpath("//table[@id='tdb-statements']//pre").string(containsString("\"puid\" : \"d-1\"")));

        when(tdb.endpoint()).thenReturn(java.util.Optional.empty());
        when(tdb.recent(20)).thenReturn(List.of());
        mvc.perform(get("/audit/reports/transparency")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-02"))
                .andExpect(xpath("//*[@id='tdb-endpoint']").string(containsString("Submission is off")))
                .andExpect(xpath("//table[@id='tdb-statements']").doesNotExist());
    }

    @Test
    void transparencyPageHasTheRangeFormAndDownloadLinks() throws Exception {
        when(reports.transparency(MARCH_1, MARCH_2)).thenReturn(report());

        mvc.perform(get("/audit/reports/transparency")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(xpath("//input[@name='from']/@value").string("2026-03-01"))
                .andExpect(xpath("//a[@id='download-csv']/@href")
                        .string("/audit/reports/transparency/download?from=2026-03-01&to=2026-03-02&format=csv"))
                .andExpect(xpath("//a[@id='download-json']/@href")
                        .string("/audit/reports/transparency/download?from=2026-03-01&to=2026-03-02&format=json"))
                .andExpect(xpath("//*[@id='notices-total']").string(containsString("5 notices, 1 from trusted")))
                .andExpect(xpath("//table[@id='by-category']//th").string("=cmd|calc"))
                .andExpect(xpath("//table[@id='decisions']//tr[th='median hours to confirmed removal']/td")
                        .string("7.50"))
                // a bar per count, its length the count's share of the total: 3 of 5 → 144 of 240
                .andExpect(xpath("//table[@id='by-category']//tr[th='COPYRIGHT']//rect/@width")
                        .string("144"))
                .andExpect(xpath("//table[@id='actions-by-basis']//tr[th='TERMS']//rect/@width")
                        .string("60"))
                .andExpect(xpath("//table[@id='automated-means']").string(containsString("25.0%")))
                .andExpect(xpath("//table[@id='automated-means']").string(containsString("reversed / decided")))
                .andExpect(xpath("//table[@id='suspensions']//tr[th='UPLOADER']/td[@class='count']")
                        .string("2"))
                .andExpect(
                        xpath("//table[@id='terminations']//td[@class='empty']").exists())
                .andExpect(xpath("//*[@id='active-recipients']").string(containsString("1,250,000")))
                .andExpect(xpath("//table[@id='counter-notices']//tr[th='lifted: NOT_RECORDED']/td")
                        .string("1"))
                .andExpect(xpath("//script").doesNotExist());
    }

    @Test
    void slaPageCarriesItsDataInAnAttributeAndNoInlineScript() throws Exception {
        when(reports.sla(MARCH_1, MARCH_2))
                .thenReturn(new SlaDashboard(
                        MARCH_1,
                        MARCH_2,
                        24,
                        4,
                        2,
                        List.of(
                                new SlaDashboard.Day(MARCH_1, 2, 3.0, 3.8, 0, 2, 4.0, 4.8, 1, 5.5, 5.5),
                                new SlaDashboard.Day(MARCH_2, 2, 28.0, 29.6, 2, 1, 27.0, 27.0, 0, null, null))));

        mvc.perform(get("/audit/sla").param("from", "2026-03-01").param("to", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(xpath("//*[@id='sla-summary']").string(containsString("2 later than")))
                .andExpect(xpath("//*[@id='sla-chart-decision']/@data-sla")
                        .string(containsString("\"median_hours_to_decision\":28.0")))
                .andExpect(xpath("//*[@id='sla-days']/tbody/tr").nodeCount(2))
                .andExpect(xpath("//*[@id='sla-days']/tbody/tr[2]/td[5]").string("2"))
                .andExpect(xpath("//*[@id='sla-days']/tbody/tr[1]/td[9]").string("1"))
                .andExpect(xpath("//*[@id='sla-days']/tbody/tr[1]/td[10]").string("5.5"))
                .andExpect(xpath("//script[not(@src)]").doesNotExist())
                .andExpect(xpath("//script[@src='/js/audit-sla.js']").exists())
                .andExpect(xpath("//script[@src='/webjars/echarts/dist/echarts.min.js']")
                        .exists())
                .andExpect(xpath("//*[@onload or @onclick]").doesNotExist());
    }

    @Test
    void slaApiTakesAnIsoTarget() throws Exception {
        when(reports.sla(MARCH_1, MARCH_2, Duration.ofHours(12)))
                .thenReturn(new SlaDashboard(MARCH_1, MARCH_2, 12, 0, 0, List.of()));

        mvc.perform(get("/api/audit/reports/sla")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-02")
                        .param("target", "PT12H"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target_hours").value(12.0));
    }

    @Test
    void searchBindsEveryCriterion() throws Exception {
        when(search.search(new CaseQuery("org-a", "Ultra", "shop", CaseState.RESTORED, MARCH_1, MARCH_2, 1, 10)))
                .thenReturn(new CasePage(
                        List.of(new CaseOverview(
                                "c4",
                                Instant.parse("2026-03-01T04:00:00Z"),
                                "org-a",
                                "RIGHTS_HOLDER",
                                "COPYRIGHT",
                                List.of("CN_ECOM"),
                                CaseState.RESTORED,
                                List.of(),
                                List.of("https://shop.example/item/9"))),
                        1,
                        false));

        mvc.perform(get("/api/audit/cases")
                        .param("notifier", "org-a")
                        .param("work", "Ultra")
                        .param("target", "shop")
                        .param("status", "RESTORED")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-02")
                        .param("page", "1")
                        .param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases[0].case_id").value("c4"))
                .andExpect(jsonPath("$.cases[0].state").value("RESTORED"))
                .andExpect(jsonPath("$.more").value(false));
        mvc.perform(get("/api/audit/cases").param("size", "500")).andExpect(status().isBadRequest());
    }

    @Test
    void searchPageListsHitsLinkingToTheirTimelines() throws Exception {
        when(trail.verify()).thenReturn(ChainStatus.intact(1, 0, 0));
        when(search.search(ArgumentMatchers.any()))
                .thenReturn(new CasePage(
                        List.of(new CaseOverview(
                                "c4",
                                Instant.parse("2026-03-01T04:00:00Z"),
                                "org-a",
                                "RIGHTS_HOLDER",
                                "COPYRIGHT",
                                List.of("CN_ECOM"),
                                CaseState.RESTORED,
                                List.of("Ultraman"),
                                List.of("https://shop.example/item/9"))),
                        0,
                        true));

        mvc.perform(get("/audit").param("notifier", "org-a"))
                .andExpect(status().isOk())
                .andExpect(xpath("//input[@name='notifier']/@value").string("org-a"))
                .andExpect(xpath("//*[@id='cases']/tbody/tr").nodeCount(1))
                .andExpect(xpath("//*[@id='cases']/tbody/tr[1]/td[1]/a/@href").string("/audit/cases/c4"))
                .andExpect(xpath("//*[@id='cases']/tbody/tr[1]/td[7]").string("RESTORED"))
                .andExpect(xpath("//a[@rel='next']/@href").string(containsString("page=1")));
    }

    @Test
    void legalHoldIsPlacedAndReleasedByTheCaller() throws Exception {
        LegalHold hold = new LegalHold("c4", "admin-1", Instant.parse("2026-03-05T00:00:00Z"), "litigation");
        when(holds.place("c4", "admin-1", "litigation")).thenReturn(Optional.of(hold));
        when(holds.release("c4", "admin-1", "settled")).thenReturn(Optional.of(hold));
        when(holds.place("nope", "admin-1", "litigation")).thenReturn(Optional.empty());

        mvc.perform(post("/api/audit/cases/c4/legal-hold")
                        .principal(() -> "admin-1")
                        .contentType("application/json")
                        .content("{\"reason\":\"litigation\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.placed_by").value("admin-1"));
        mvc.perform(post("/api/audit/cases/nope/legal-hold")
                        .principal(() -> "admin-1")
                        .contentType("application/json")
                        .content("{\"reason\":\"litigation\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/audit/cases/c4/legal-hold")
                        .param("reason", "settled")
                        .principal(() -> "admin-1"))
                .andExpect(status().isOk());
        verify(holds).release("c4", "admin-1", "settled");
    }

    @Test
    void publicDisclosuresPassSinceCursorAndLimit() throws Exception {
        Instant since = Instant.parse("2026-03-01T00:00:00Z");
        when(feed.page(since, "abc", 10))
                .thenReturn(new DisclosurePage(
                        List.of(new Disclosure(
                                "e-1",
                                "c4",
                                Disclosure.Kind.MEASURE_APPLIED,
                                since,
                                null,
                                null,
                                null,
                                null,
                                "DELETE",
                                "https://shop.example/item/9",
                                null,
                                null)),
                        "next-1"));
        when(feed.page(null, "bad", 50)).thenThrow(new IllegalArgumentException("not a cursor of this feed"));

        mvc.perform(get("/api/public/disclosures")
                        .param("since", "2026-03-01T00:00:00Z")
                        .param("cursor", "abc")
                        .param("limit", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].kind").value("MEASURE_APPLIED"))
                .andExpect(jsonPath("$.items[0].target_url").value("https://shop.example/item/9"))
                .andExpect(jsonPath("$.items[0].reason").doesNotExist())
                .andExpect(jsonPath("$.next").value("next-1"));
        mvc.perform(get("/api/public/disclosures").param("cursor", "bad")).andExpect(status().isBadRequest());
    }

    private static TransparencyReport report() {
        return new TransparencyReport(
                MARCH_1,
                MARCH_2,
                new TransparencyReport.Notices(
                        5,
                        1,
                        new TreeMap<>(Map.of("=cmd|calc", 2L, "COPYRIGHT", 3L)),
                        new TreeMap<>(Map.of("RIGHTS_HOLDER", 4L, "TRUSTED_FLAGGER", 1L)),
                        new TreeMap<>(Map.of("EU_DSA", 5L)),
                        new TreeMap<>(Map.of("PROCESS", 5L))),
                new TransparencyReport.Decisions(4, 3, 1, 1, 15.0, 3, 5.0, 2, 7.5),
                new TransparencyReport.Complaints(1, 1, 1, 6.0),
                new TransparencyReport.CounterNotices(
                        1, 2, 2, new java.util.TreeMap<>(java.util.Map.of("COUNTER_NOTICE", 1L, "NOT_RECORDED", 1L))),
                new TransparencyReport.Orders(
                        2,
                        new TreeMap<>(Map.of("COPYRIGHT", 2L)),
                        new TreeMap<>(Map.of("DE", 1L, "UNSPECIFIED", 1L)),
                        1,
                        3.5),
                new TransparencyReport.NoticeActions(new TreeMap<>(Map.of("LAW", 3L, "TERMS", 1L)), 1),
                new TransparencyReport.OwnInitiative(0, new TreeMap<>(Map.of("SUSPENDED", 1L)), "the ladder's"),
                new TreeMap<>(Map.of("MEASURE", 1L)),
                new TransparencyReport.AutomatedMeans(
                        1, 4, 1, 0.25, "reversed / decided", 9, 1, 0.9, "blocked / replayed"),
                new TransparencyReport.OutOfCourt(2, new TreeMap<>(Map.of("OVERTURNED", 1L)), 30.0, 1),
                new TransparencyReport.Suspensions(
                        new TreeMap<>(Map.of("NOTIFIER", 1L, "UPLOADER", 2L)), new TreeMap<>()),
                new TransparencyReport.ActiveRecipients(
                        1_250_000.0, List.of("2026-03"), List.of(), "logged-in accounts, deduplicated"));
    }

    private static List<LedgerRecord> timeline() {
        Instant at = Instant.parse("2025-01-02T03:04:05Z");
        return List.of(
                new LedgerRecord(
                        0,
                        1,
                        "e-1",
                        "takedown.tasks",
                        "dev.takedown.task.claimed.v1",
                        "case-1",
                        "mod-1",
                        ActorType.HUMAN,
                        "DSA_ART_16",
                        "2026-11-01",
                        at,
                        at,
                        "{\"a\":1}",
                        "0".repeat(64),
                        HASH_1,
                        2),
                new LedgerRecord(
                        0,
                        3,
                        "e-3",
                        "takedown.measures",
                        "dev.takedown.measure.applied.v1",
                        "case-1",
                        "system",
                        ActorType.AUTOMATED,
                        "US_DMCA: 17 U.S.C. §512(c)(1)(C)",
                        "2026-11-01",
                        at,
                        at,
                        "{}",
                        HASH_1,
                        HASH_2,
                        2));
    }
}
