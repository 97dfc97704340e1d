package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.takedown.audit.CaseOverview;
import dev.takedown.audit.CasePage;
import dev.takedown.audit.CaseQuery;
import dev.takedown.audit.CaseSearch;
import dev.takedown.audit.CaseState;
import dev.takedown.audit.Disclosure;
import dev.takedown.audit.DisclosureFeed;
import dev.takedown.audit.DisclosurePage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Case search and the Art. 44 disclosure feed over the seeded ledger of {@link ReportSeed}. */
class CaseSearchAndDisclosureTest {

    private static EmbeddedLedger ledger;
    private static CaseSearch search;
    private static DisclosureFeed feed;

    @BeforeAll
    static void seed() throws IOException {
        ledger = new EmbeddedLedger();
        ledger.reset();
        ReportSeed.seed(ledger, new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4)));
        search = new CaseSearch(ledger.jdbc);
        feed = new DisclosureFeed(ledger.jdbc);
    }

    @AfterAll
    static void stop() throws IOException {
        ledger.close();
    }

    @Test
    void everyCaseNewestFirstWithItsState() {
        CasePage page = search.search(query(null, null, null, null, null, null));

        assertThat(page.cases()).extracting(CaseOverview::caseId).containsExactly("c5", "c4", "c3", "c2", "c1", "c6");
        assertThat(page.cases())
                .extracting(CaseOverview::state)
                .containsExactly(
                        CaseState.JOINED,
                        CaseState.RESTORED,
                        CaseState.NO_ACTION,
                        CaseState.RESTORED,
                        CaseState.ACTION_TAKEN,
                        CaseState.ACCEPTED);
        CaseOverview c2 = page.cases().get(3);
        assertThat(c2.notifierOrganisation()).isEqualTo("org-b");
        assertThat(c2.notifierType()).isEqualTo("TRUSTED_FLAGGER");
        assertThat(c2.profiles()).containsExactly("EU_DSA");
        assertThat(c2.works()).containsExactly("Ultraman");
        assertThat(c2.receivedAt()).isEqualTo(ReportSeed.at(2));
        assertThat(page.more()).isFalse();
    }

    @Test
    void filtersByNotifierWorkTargetStateAndDate() {
        assertThat(ids(query("ORG-A", null, null, null, null, null))).containsExactly("c4", "c1", "c6");
        assertThat(ids(query(null, "ultra", null, null, null, null))).containsExactly("c2");
        assertThat(ids(query(null, null, "shop.example", null, null, null))).containsExactly("c4");
        assertThat(ids(query(null, null, null, CaseState.RESTORED, null, null))).containsExactly("c4", "c2");
        assertThat(ids(query("org-a", null, null, CaseState.RESTORED, null, null)))
                .containsExactly("c4");
        assertThat(ids(query(null, null, null, null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))))
                .containsExactly("c6");
        assertThat(ids(query(null, null, null, null, LocalDate.of(2026, 3, 1), null)))
                .hasSize(5);
    }

    @Test
    void searchTextIsAValueNeverSqlAndItsWildcardsAreLiteral() {
        assertThat(ids(query("' or '1'='1", null, null, null, null, null))).isEmpty();
        assertThat(ids(query("%", null, null, null, null, null))).isEmpty();
        assertThat(ids(query("org_a", null, null, null, null, null))).isEmpty();
        assertThat(ids(query(null, "x'); drop table audit_ledger; --", null, null, null, null)))
                .isEmpty();
        assertThat(ledger.jdbc.queryForObject("select count(*) from audit_ledger", Long.class))
                .isPositive();
    }

    @Test
    void pagesTellWhetherMoreFollow() {
        CasePage first = search.search(new CaseQuery(null, null, null, null, null, null, 0, 4));
        CasePage second = search.search(new CaseQuery(null, null, null, null, null, null, 1, 4));

        assertThat(first.cases()).hasSize(4);
        assertThat(first.more()).isTrue();
        assertThat(second.cases()).extracting(CaseOverview::caseId).containsExactly("c1", "c6");
        assertThat(second.more()).isFalse();
        assertThatThrownBy(() -> new CaseQuery(null, null, null, null, null, null, 0, 201))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void disclosesTheEcommerceCasesInTimeOrder() {
        DisclosurePage page = feed.page(null, null, 50);

        assertThat(page.next()).isNull();
        assertThat(page.items())
                .extracting(Disclosure::caseId, Disclosure::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c3", Disclosure.Kind.NOTICE),
                        org.assertj.core.groups.Tuple.tuple("c4", Disclosure.Kind.NOTICE),
                        org.assertj.core.groups.Tuple.tuple("c4", Disclosure.Kind.DECISION),
                        org.assertj.core.groups.Tuple.tuple("c4", Disclosure.Kind.MEASURE_APPLIED),
                        org.assertj.core.groups.Tuple.tuple("c3", Disclosure.Kind.DECISION),
                        org.assertj.core.groups.Tuple.tuple("c4", Disclosure.Kind.DECLARATION),
                        org.assertj.core.groups.Tuple.tuple("c4", Disclosure.Kind.MEASURE_LIFTED));
        Disclosure measure = page.items().get(3);
        assertThat(measure.measureType()).isEqualTo("DELETE");
        assertThat(measure.targetUrl()).isEqualTo("https://shop.example/item/9");
        Disclosure rejected = page.items().get(4);
        assertThat(rejected.outcome()).isEqualTo("REJECT");
        assertThat(rejected.reason()).isEqualTo("not infringing; contact me at [redacted] or [redacted]");
    }

    @Test
    void theFeedCarriesNoPersonalData() throws Exception {
        String json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build()
                .writeValueAsString(feed.page(null, null, 50));

        assertThat(json)
                .doesNotContain(
                        "org-a",
                        "org-c",
                        "portal:",
                        "mod-",
                        "uploader-",
                        "system",
                        "bob@example.com",
                        "138 0013 8000",
                        "actor",
                        "organisation");
        assertThat(json).contains("\"target_url\":\"https://shop.example/item/9\"", "\"kind\":\"DECLARATION\"");
    }

    @Test
    void pagesWithACursorAndSince() {
        List<Disclosure> all = new ArrayList<>();
        DisclosurePage page = feed.page(null, null, 3);
        int pages = 1;
        all.addAll(page.items());
        while (page.next() != null) {
            page = feed.page(null, page.next(), 3);
            all.addAll(page.items());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).isEqualTo(feed.page(null, null, 50).items());

        assertThat(feed.page(ReportSeed.at(31), null, 50).items())
                .extracting(Disclosure::kind)
                .containsExactly(
                        Disclosure.Kind.MEASURE_APPLIED,
                        Disclosure.Kind.DECISION,
                        Disclosure.Kind.DECLARATION,
                        Disclosure.Kind.MEASURE_LIFTED);
        assertThatThrownBy(() -> feed.page(null, "not-a-cursor", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feed.page(null, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redactionKeepsUrlsAndScrubsContactsAndIdentityNumbers() {
        assertThat(Redaction.scrub("see https://x.example/item/12345678 — mail a.b@c.example, call 010-1234-5678,"
                        + " ID 11010519491231002X"))
                .isEqualTo("see https://x.example/item/12345678 — mail [redacted], call [redacted], ID [redacted]");
        assertThat(Redaction.scrub("within 15 days (Art. 43)")).isEqualTo("within 15 days (Art. 43)");
        assertThat(Redaction.scrub(null)).isNull();
    }

    private static CaseQuery query(
            String notifier, String work, String target, CaseState state, LocalDate from, LocalDate to) {
        return new CaseQuery(notifier, work, target, state, from, to, 0, 50);
    }

    private static List<String> ids(CaseQuery query) {
        return search.search(query).cases().stream().map(CaseOverview::caseId).toList();
    }
}
