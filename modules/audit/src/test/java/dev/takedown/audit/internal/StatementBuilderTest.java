package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takedown.audit.ActorType;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.events.TakedownEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The statement of reasons the Transparency Database receives, item by item, from the case's ledger records: the
 * legal content of each field, and that nothing a person typed reaches it.
 */
class StatementBuilderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant DAY_1 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant DAY_3 = Instant.parse("2026-03-03T09:00:00Z");
    private static final StatementBuilder BUILDER = new StatementBuilder(
            List.of("DE", "FR"), "Terms of Service, section 4 (rights of others)", "https://gen.example/terms");

    private final List<LedgerRecord> records = new ArrayList<>();

    @Test
    void anAcceptedNoticeStatesTheRightsTheLawAndWhoDecided() {
        received("RIGHTS_HOLDER", List.of("COPYRIGHT_REPRODUCTION", "TRADEMARK"));
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "DELETE", "infringes"));
        record("dev.takedown.measure.applied.v1", DAY_2, TakedownEvent.SYSTEM, measure("DELETE", "a.png"));

        StatementOfReasons s = BUILDER.build("d-1", records).orElseThrow();

        assertThat(s.decisionVisibility()).containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(s.category()).isEqualTo("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS");
        assertThat(s.categorySpecification())
                .as("one keyword per right claimed")
                .containsExactly("KEYWORD_COPYRIGHT_INFRINGEMENT", "KEYWORD_TRADEMARK_INFRINGEMENT");
        assertThat(s.illegalContentLegalGround())
                .contains("copyright", "industrial property rights")
                .endsWith("Acted on under Regulation (EU) 2022/2065 (DSA) Art. 16 and Regulation (EU) 2022/2065"
                        + " (DSA) Art. 17.");
        assertThat(s.illegalContentExplanation())
                .contains("copyright reproduction, trademark")
                .contains("DELETE");
        assertThat(s.sourceType()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(s.decisionFacts())
                .contains(
                        "a notice under Art. 16 DSA from a rights holder",
                        "A human moderator",
                        "accepted it on" + " 2026-03-02");
        assertThat(s.automatedDetection()).isEqualTo("No");
        assertThat(s.automatedDecision()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(s.applicationDate()).isEqualTo("2026-03-02");
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void everyAreaOfLawTogetherStaysWithinTheCommissionsLimits() {
        received(
                "RIGHTS_HOLDER",
                java.util.Arrays.stream(dev.takedown.events.ClaimType.values())
                        .map(Enum::name)
                        .toList());
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "DELETE", null));
        record("dev.takedown.measure.applied.v1", DAY_2, TakedownEvent.SYSTEM, measure("DELETE", "a.png"));

        StatementOfReasons s = BUILDER.build("d-1", records).orElseThrow();

        assertThat(s.illegalContentLegalGround()).hasSizeLessThanOrEqualTo(500);
        assertThat(s.categorySpecification()).doesNotHaveDuplicates().doesNotContain("KEYWORD_OTHER");
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void aWorldwideMeasureUntilFurtherNoticeIsReportedForTheWholeConfiguredScopeWithoutAnEndDate() {
        received("RIGHTS_HOLDER", List.of("COPYRIGHT"));
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "DELETE", null));
        record("dev.takedown.measure.applied.v1", DAY_2, TakedownEvent.SYSTEM, measure("DELETE", "a.png"));

        StatementOfReasons s = BUILDER.build("d-1", records).orElseThrow();

        assertThat(s.territorialScope()).containsExactly("DE", "FR");
        assertThat(s.endDateVisibilityRestriction()).isNull();
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void aGeoBlockWithAnEndIsReportedWhereAndUntilWhenTheMeasureSays() {
        received("RIGHTS_HOLDER", List.of("COPYRIGHT"));
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "GEO_BLOCK", null));
        // the TDB takes EU and EEA codes only: a block that also covers Switzerland is reported for Austria
        record(
                "dev.takedown.measure.applied.v1",
                DAY_2,
                TakedownEvent.SYSTEM,
                scoped(measure("GEO_BLOCK", "a.png"), "2026-06-30", "CH", "AT"));
        record(
                "dev.takedown.measure.applied.v1",
                DAY_2,
                TakedownEvent.SYSTEM,
                scoped(measure("SUSPEND_MONETISATION", "a.png"), "2026-04-30", "AT"));

        StatementOfReasons s = BUILDER.build("d-1", records).orElseThrow();

        assertThat(s.territorialScope()).containsExactly("AT");
        assertThat(s.decisionVisibility()).containsExactly("DECISION_VISIBILITY_CONTENT_DISABLED");
        assertThat(s.endDateVisibilityRestriction()).isEqualTo("2026-06-30");
        assertThat(s.endDateMonetaryRestriction()).isEqualTo("2026-04-30");
        assertThat(s.endDateServiceRestriction()).isNull();
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void aMeasureOutsideTheEuIsNotReportedAsAnEuRestriction() {
        received("RIGHTS_HOLDER", List.of("COPYRIGHT"));
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "GEO_BLOCK", null));
        record(
                "dev.takedown.measure.applied.v1",
                DAY_2,
                TakedownEvent.SYSTEM,
                scoped(measure("GEO_BLOCK", "a.png"), null, "US"));

        StatementOfReasons s = BUILDER.build("d-1", records).orElseThrow();

        assertThat(s.territorialScope()).isEmpty();
        assertThat(StatementValidator.problems(s))
                .extracting(StatementValidator.Problem::field)
                .containsExactly("territorial_scope");
    }

    @Test
    void aClaimOfTheTermsAloneIsReportedUnderTheTermsNotTheLaw() {
        received("RIGHTS_HOLDER", List.of("TOS_ONLY"));
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "DEMOTE", null));
        record("dev.takedown.measure.applied.v1", DAY_2, TakedownEvent.SYSTEM, measure("DEMOTE", "a.png"));

        StatementOfReasons s = BUILDER.build("d-1", records).orElseThrow();

        assertThat(s.decisionGround()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(s.incompatibleContentGround()).isEqualTo("Terms of Service, section 4 (rights of others)");
        assertThat(s.decisionGroundReferenceUrl()).isEqualTo("https://gen.example/terms");
        assertThat(s.incompatibleContentExplanation()).contains("terms of service", "DEMOTE");
        assertThat(s.incompatibleContentIllegal()).isEqualTo("No");
        assertThat(s.illegalContentLegalGround()).isNull();
        assertThat(s.category()).isEqualTo("STATEMENT_CATEGORY_OTHER_VIOLATION_TC");
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void aClaimOfTheTermsBesideAnIllegalOneIsReportedUnderTheLaw() {
        received("RIGHTS_HOLDER", List.of("TOS_ONLY", "TRADEMARK"));
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "DELETE", null));
        record("dev.takedown.measure.applied.v1", DAY_2, TakedownEvent.SYSTEM, measure("DELETE", "a.png"));

        StatementOfReasons s = BUILDER.build("d-1", records).orElseThrow();

        assertThat(s.decisionGround()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(s.illegalContentLegalGround())
                .contains("industrial property")
                .doesNotContain("terms of service");
        assertThat(s.category()).isEqualTo("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS");
        assertThat(s.incompatibleContentGround()).isNull();
    }

    @Test
    void aLiftOnComplaintIsAHumanDecisionEndingTheRestrictionThatDay() {
        received("RIGHTS_HOLDER", List.of("COPYRIGHT"));
        record("dev.takedown.notice.decided.v1", DAY_1, "mod-1", decision("d-1", "ACCEPT", "DELETE", null));
        record(
                "dev.takedown.measure.applied.v1",
                DAY_1,
                TakedownEvent.SYSTEM,
                measure("DELETE", "a.png").put("measureId", "m-1"));
        record(
                "dev.takedown.measure.lifted.v1",
                DAY_3,
                TakedownEvent.SYSTEM,
                JSON.createObjectNode()
                        .put("caseId", "case-1")
                        .put("measureId", "m-1")
                        .put("reason", "Jane Roe at jane@roe.test says so")
                        .put("cause", "APPEAL"));
        String puid = StatementBuilder.liftPuid(records.get(records.size() - 1).eventId());

        StatementOfReasons s = BUILDER.buildLift(puid, records).orElseThrow();

        assertThat(s.puid()).isEqualTo(puid).matches("^[a-zA-Z0-9-_]+$");
        assertThat(s.applicationDate()).isEqualTo("2026-03-01");
        assertThat(s.endDateVisibilityRestriction()).isEqualTo("2026-03-03");
        assertThat(s.automatedDecision()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(s.illegalContentLegalGround()).contains("Art. 20");
        assertThat(s.decisionFacts())
                .contains("internal complaint", "lifted on 2026-03-03")
                .doesNotContain("Jane", "jane@roe.test");
        assertThat(StatementValidator.problems(s)).isEmpty();
        assertThat(BUILDER.buildLift("lift-unknown", records)).isEmpty();
    }

    @Test
    void anAutomatedDecisionOnAnAuthoritysOrderSaysSo() {
        received("AUTHORITY_ORDER", List.of());
        record(
                "dev.takedown.notice.decided.v1",
                DAY_2,
                TakedownEvent.SYSTEM,
                decision("d-1", "ACCEPT", "DISABLE_ACCESS", null));
        record("dev.takedown.measure.applied.v1", DAY_2, TakedownEvent.SYSTEM, measure("DISABLE_ACCESS", "v.mp4"));

        StatementOfReasons s = BUILDER.build("d-1", records).orElseThrow();

        assertThat(s.automatedDecision()).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(s.sourceType()).isEqualTo("SOURCE_TYPE_OTHER_NOTIFICATION");
        assertThat(s.decisionFacts()).contains("an order of a competent authority", "An automated process");
        assertThat(s.categorySpecification())
                .as("a notice naming no right is about copyright")
                .containsExactly("KEYWORD_COPYRIGHT_INFRINGEMENT");
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void aMeasureImposedOnAComplaintAgainstNoActionGetsItsOwnStatement() {
        received("RIGHTS_HOLDER", List.of("COPYRIGHT"));
        record("dev.takedown.notice.decided.v1", DAY_1, "mod-1", decision("d-1", "REJECT", null, "not infringing"));
        ObjectNode appeal = JSON.createObjectNode()
                .put("caseId", "case-1")
                .put("appealId", "a-1")
                .put("outcome", "REVERSE")
                .put("subject", "DECISION")
                .put("reason", "it is infringing after all");
        appeal.putArray("measures").add("DELETE");
        record("dev.takedown.notice.appeal-decided.v1", DAY_2, "senior-1", appeal);
        record("dev.takedown.measure.applied.v1", DAY_3, TakedownEvent.SYSTEM, measure("DELETE", "a.png"));

        assertThat(BUILDER.build("d-1", records))
                .as("no action restricts nothing")
                .isEmpty();
        StatementOfReasons s = BUILDER.build("a-1", records).orElseThrow();

        assertThat(s.puid()).isEqualTo("a-1");
        assertThat(s.decisionVisibility()).containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(s.applicationDate()).isEqualTo("2026-03-03");
        assertThat(s.decisionFacts())
                .contains(
                        "internal complaint (Art. 20 DSA) on 2026-03-02",
                        "reversed the earlier decision to take no" + " action");
        assertThat(s.illegalContentLegalGround()).contains("Art. 20");
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void nothingAPersonTypedReachesThePayload() throws Exception {
        // the parties' and staff's names, e-mails and phones in every free-text field the ledger holds
        String[] personal = {
            "Zhang Wei",
            "zhang.wei@example.cn",
            "+86 138 0013 8000",
            "Jane Roe",
            "jane@roe.test",
            "moderator-li-na",
            "Li Na"
        };
        String typed = String.join(" ", personal);
        ObjectNode notice = JSON.createObjectNode()
                .put("caseId", "case-1")
                .put("channel", typed)
                .put("targetCount", 1)
                .put("notifierType", typed.toUpperCase(java.util.Locale.ROOT))
                .put("rightType", typed);
        notice.putArray("jurisdictionProfiles").add("EU_DSA");
        notice.putArray("rightTypes").add(typed);
        record("dev.takedown.notice.received.v1", DAY_1, "portal:" + typed, notice);
        record("dev.takedown.notice.decided.v1", DAY_2, "moderator-li-na", decision("d-1", "ACCEPT", "DELETE", typed));
        ObjectNode measure = measure("DELETE", "x.png");
        measure.put("targetUrl", "https://gallery.example/users/zhang.wei/" + typed + ".png");
        record("dev.takedown.measure.applied.v1", DAY_2, "moderator-li-na", measure);

        StatementOfReasons s = BUILDER.build("d-1", records).orElseThrow();
        String payload = JSON.writeValueAsString(s);

        for (String value : personal) {
            assertThat(payload).as("the payload carries no %s", value).doesNotContainIgnoringCase(value);
        }
        assertThat(payload).doesNotContainIgnoringCase("zhang").doesNotContain("138");
        assertThat(s.category())
                .as("a right outside the vocabulary")
                .isEqualTo("STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE");
        assertThat(s.decisionFacts()).contains("from a notifier", "via an electronic channel");
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void anAccountMeasureOnAClaimOfTheTermsAloneIsStatedUnderTheTermsWithItsWeighing() {
        received("RIGHTS_HOLDER", List.of("TOS_ONLY"));
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "DELETE", null));
        suspended(DAY_2, "2026-03-20");

        StatementOfReasons s = BUILDER.buildAccount("m-1", records).orElseThrow();

        assertThat(s.decisionAccount()).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(s.decisionGround()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(s.incompatibleContentGround()).isEqualTo("Terms of Service, section 4 (rights of others)");
        assertThat(s.incompatibleContentExplanation())
                .contains("incompatible with that clause", "within the last 90 days", "threshold of 4");
        assertThat(s.illegalContentLegalGround()).isNull();
        assertThat(s.endDateAccountRestriction()).isEqualTo("2026-03-20");
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void anAccountMeasureOnEveryAreaOfLawStaysWithinTheCommissionsLimits() {
        received(
                "RIGHTS_HOLDER",
                java.util.Arrays.stream(dev.takedown.events.ClaimType.values())
                        .map(Enum::name)
                        .toList());
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "DELETE", null));
        suspended(DAY_2, "2026-03-20");

        StatementOfReasons s = BUILDER.buildAccount("m-1", records).orElseThrow();

        assertThat(s.illegalContentLegalGround())
                .hasSizeLessThanOrEqualTo(500)
                .startsWith("Repeated provision of manifestly illegal content.");
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    @Test
    void aSuspensionStaffLiftedEarlyIsAPersonsDecisionStatedWithoutTheirReasons() {
        received("RIGHTS_HOLDER", List.of("COPYRIGHT_REPRODUCTION"));
        record("dev.takedown.notice.decided.v1", DAY_2, "mod-1", decision("d-1", "ACCEPT", "DELETE", null));
        suspended(DAY_2, "2026-03-20");
        record(
                "dev.takedown.measure.lifted.v1",
                DAY_3,
                "officer-bob",
                JSON.createObjectNode()
                        .put("caseId", "case-1")
                        .put("measureId", "m-1")
                        .put("cause", "BY_HAND")
                        .put("reason", "Bob Smith called, lifted")
                        .put("accountId", "acct-7")
                        .put("standingChangeId", "change-1"));
        String puid =
                StatementBuilder.accountLiftPuid(records.get(records.size() - 1).eventId());

        StatementOfReasons s = BUILDER.buildAccountLift(puid, records).orElseThrow();

        assertThat(s.decisionAccount()).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(s.endDateAccountRestriction()).as("the day it ended").isEqualTo("2026-03-03");
        assertThat(s.decisionFacts())
                .contains("a member of staff lifted it early, with reasons, after a further review")
                .doesNotContain("Bob", "officer-bob", "acct-7");
        assertThat(s.automatedDecision()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(s.puid()).isEqualTo(puid);
        assertThat(BUILDER.buildLift(
                        StatementBuilder.liftPuid(
                                records.get(records.size() - 1).eventId()),
                        records))
                .as("not a lift of the case's restrictions")
                .isEmpty();
        assertThat(StatementValidator.problems(s)).isEmpty();
    }

    /** The policy's suspension {@code m-1} and the standing change {@code change-1} it carries out. */
    private void suspended(Instant at, String endsOn) {
        record(
                "dev.takedown.party.standing-changed.v1",
                at,
                TakedownEvent.SYSTEM,
                JSON.createObjectNode()
                        .put("caseId", "case-1")
                        .put("changeId", "change-1")
                        .put("partyKind", "UPLOADER")
                        .put("partyId", "acct-7")
                        .put("change", "SUSPENDED")
                        .put("misuseCount", 3)
                        .put("windowMisuse", 4)
                        .put("totalCount", 10)
                        .put("weightedScore", 5)
                        .put("threshold", 4)
                        .put("intentional", 1)
                        .put("window", "P90D"));
        ObjectNode measure = JSON.createObjectNode()
                .put("caseId", "case-1")
                .put("measureId", "m-1")
                .put("type", "ACCOUNT_SUSPEND")
                .put("endsOn", endsOn)
                .put("accountId", "acct-7")
                .put("standingChangeId", "change-1");
        measure.putArray("countries");
        record("dev.takedown.measure.applied.v1", at, TakedownEvent.SYSTEM, measure);
    }

    private void received(String notifierType, List<String> rights) {
        ObjectNode notice = JSON.createObjectNode()
                .put("caseId", "case-1")
                .put("channel", "API")
                .put("targetCount", 1)
                .put("notifierType", notifierType)
                .put("rightType", rights.isEmpty() ? null : rights.get(0));
        notice.putArray("jurisdictionProfiles").add("EU_DSA");
        rights.forEach(notice.putArray("rightTypes")::add);
        record("dev.takedown.notice.received.v1", DAY_1, "portal:org-a", notice);
    }

    private static ObjectNode decision(String id, String outcome, String measure, String reason) {
        ObjectNode d = JSON.createObjectNode()
                .put("caseId", "case-1")
                .put("decisionId", id)
                .put("outcome", outcome)
                .put("reason", reason);
        Optional.ofNullable(measure).ifPresent(d.putArray("measures")::add);
        return d;
    }

    private static ObjectNode measure(String type, String file) {
        return JSON.createObjectNode()
                .put("caseId", "case-1")
                .put("type", type)
                .put("targetUrl", "https://gallery.example/img/" + file);
    }

    private static ObjectNode scoped(ObjectNode measure, String endsOn, String... countries) {
        measure.putArray("countries")
                .addAll(java.util.Arrays.stream(countries)
                        .map(JSON.getNodeFactory()::textNode)
                        .toList());
        return endsOn == null ? measure : measure.put("endsOn", endsOn);
    }

    private void record(String type, Instant at, String actor, ObjectNode payload) {
        records.add(new LedgerRecord(
                0,
                records.size() + 1,
                "e-" + records.size(),
                "takedown.notice-events",
                type,
                "case-1",
                actor,
                ActorType.of(actor),
                null,
                "2026-11-01",
                at,
                at,
                payload.toString(),
                "0".repeat(64),
                "0".repeat(64),
                4));
    }
}
