package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The lifecycle beyond the first decision: cure, triage, duplicates, four-eyes, retraction, appeals, misuse. */
class LifecycleIT extends StackTest {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.takedown.audit.internal.TransparencyDatabase transparencyDatabase;

    @Autowired
    dev.takedown.audit.TdbStatements tdbStatements;

    @Autowired
    PasswordEncoder passwords;

    private Cases cases;

    @BeforeEach
    void setUp() {
        cases = new Cases(baseUrl(), management, runtime);
    }

    @Test
    void incompleteNoticeIsCuredOrClosedWhenItsCurePeriodEnds() {
        String curable = Cases.notice("US_DMCA", "acct").replace("\"good_faith\": true,", "");
        Api.Response filed = Api.as(baseUrl(), "rightsholder-a").post("/api/notices", curable);
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().get("missing").get(0).get("field").asText()).isEqualTo("attestations.good_faith");
        String caseId = filed.json().get("case_id").asText();
        cases.awaitStatus("rightsholder-a", caseId, "INCOMPLETE_CURE");
        assertThat(cases.notificationKinds(caseId)).anyMatch(k -> k.startsWith("CURE_REQUEST→notifier:"));

        assertThat(Api.as(baseUrl(), "rightsholder-b")
                        .put("/api/notices/" + caseId, Cases.notice("US_DMCA", "x"))
                        .status())
                .as("another organisation cannot complete it")
                .isEqualTo(404);
        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .put("/api/notices/" + caseId, "{}")
                        .status())
                .isEqualTo(400);
        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .put("/api/notices/" + caseId, Cases.notice("US_DMCA", "acct"))
                        .status())
                .isEqualTo(202);
        NoticeLifecycleIT.awaitTask(Api.as(baseUrl(), "moderator"), caseId);
        assertThat(cases.history("rightsholder-a", caseId)).containsSubsequence("INCOMPLETE_CURE", "UNDER_REVIEW");

        String abandoned = Api.as(baseUrl(), "rightsholder-a")
                .post("/api/notices", curable)
                .json()
                .get("case_id")
                .asText();
        cases.fire(cases.awaitTimer(abandoned, "notice-lifecycle", "Event_CurePeriodOver"));
        cases.awaitStatus("rightsholder-a", abandoned, "CLOSED_INCOMPLETE");
    }

    /**
     * Triage ranks registered trusted flaggers and live generation first. A trusted-flagger status the notice only
     * declares is not believed: the acknowledgement says so and the notice waits its turn like any other.
     */
    @Test
    void triageRanksTrustedFlaggersAndLiveGenerationFirst() {
        String flagger = rightsHolderOfNewOrganisation();
        Api.Response registered = Api.as(baseUrl(), "compliance")
                .post(
                        "/api/registries/trusted-flaggers",
                        "{\"entity\": \"Rights Watch\", \"coordinator\": \"Coimisiún na Meán\","
                                + " \"coordinator_country\": \"IE\","
                                + " \"areas\": [\"INTELLECTUAL_PROPERTY_INFRINGEMENTS\"], \"valid_from\": \"2025-01-01\","
                                + " \"credentials\": [\"" + flagger + "\"]}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Api.Response verified = Api.as(baseUrl(), flagger)
                .post(
                        "/api/notices",
                        Cases.notice("EU_DSA", "a")
                                .replace("\"type\": \"RIGHTS_HOLDER\",", "\"type\": \"TRUSTED_FLAGGER\","));
        assertThat(verified.json().get("notifier_status").get("verified").asBoolean())
                .as(verified.body())
                .isTrue();
        String flagged = verified.json().get("case_id").asText();
        Api.Response declared = Api.as(baseUrl(), "rightsholder-a")
                .post(
                        "/api/notices",
                        Cases.notice("EU_DSA", "a")
                                .replace(
                                        "\"type\": \"RIGHTS_HOLDER\",",
                                        "\"type\": \"RIGHTS_HOLDER\", \"trusted_flagger_id\": \"TF-7\","));
        assertThat(declared.json().get("notifier_status").get("verified").asBoolean())
                .isFalse();
        assertThat(declared.json().get("notifier_status").get("note").asText())
                .contains("processed as an ordinary notice");
        String selfDeclared = declared.json().get("case_id").asText();
        String live = cases.file(
                "rightsholder-a",
                Cases.notice("CN_CC_1195", "a")
                        .replace("\"type\": \"URL\"", "\"type\": \"GENERATED_OUTPUT\", \"produce_id\": \"P-1\""));
        String model = cases.file(
                "rightsholder-a",
                Cases.notice("CN_CC_1195", "a")
                        .replace("\"type\": \"URL\"", "\"type\": \"LORA\", \"sha256\": \"" + "ab".repeat(32) + "\""));
        Api senior = Api.as(baseUrl(), "senior");
        NoticeLifecycleIT.awaitTask(senior, flagged);
        NoticeLifecycleIT.awaitTask(senior, selfDeclared);
        NoticeLifecycleIT.awaitTask(senior, live);
        NoticeLifecycleIT.awaitTask(senior, model);

        JsonNode tasks = senior.get("/api/tasks").json();
        assertThat(task(tasks, flagged).get("priority").asInt()).isEqualTo(90);
        assertThat(task(tasks, selfDeclared).get("priority").asInt()).isLessThan(90);
        assertThat(Api.as(baseUrl(), "compliance")
                        .get("/api/notices/" + selfDeclared)
                        .body())
                .as("the case history says the claim was not believed")
                .contains("not confirmed");
        assertThat(task(tasks, live).get("priority").asInt()).isEqualTo(85);
        assertThat(task(tasks, model).get("queue").asText()).isEqualTo("SENIOR_MODERATOR");
        assertThat(NoticeLifecycleIT.ids(
                        Api.as(baseUrl(), "moderator").get("/api/tasks").json()))
                .as("models go to senior moderators only")
                .doesNotContain(model);
    }

    @Test
    void aNoticeOnATargetWithAnOpenCaseJoinsItAndLearnsTheOutcome() {
        String notice = Cases.notice("CN_CC_1195", "acct-dup");
        String first = cases.file("rightsholder-a", notice);
        String second = cases.file("rightsholder-b", notice.replace("Studio A", "Studio B"));
        cases.awaitStatus("rightsholder-b", second, "JOINED");

        cases.decide(
                "moderator",
                first,
                "{\"outcome\":\"ACCEPT\",\"measures\":[\"DELETE\"],\"reason\":\"copies the work\"}");
        cases.awaitStatus("rightsholder-b", second, "CLOSED");
        JsonNode joined = Api.as(baseUrl(), "rightsholder-b")
                .get("/api/notices/" + second)
                .json();
        assertThat(joined.get("outcome").asText()).isEqualTo("ACTION_TAKEN");
        assertThat(joined.get("history").toString())
                .as("another organisation's notice learns the outcome, not the case it joined")
                .contains("ACTION_TAKEN")
                .doesNotContain(first, "copies the work");
        assertThat(Api.as(baseUrl(), "compliance")
                        .get("/api/notices/" + second + "/notifications")
                        .json()
                        .toString())
                .contains("DECISION", "已采取措施")
                .doesNotContain(first, "copies the work");
        assertThat(Api.as(baseUrl(), "rightsholder-b")
                        .get("/api/notices/" + first)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void highImpactMeasuresNeedASecondReviewerWhoIsNotTheFirst() {
        String caseId = cases.file("rightsholder-a", Cases.notice("CN_CC_1195", "acct-4e"));
        assertThat(cases.decide("senior", caseId, "{\"outcome\":\"ACCEPT\",\"measures\":[\"ACCOUNT_TERMINATE\"]}")
                        .status())
                .isEqualTo(200);
        cases.awaitStatus("rightsholder-a", caseId, "AWAITING_SECOND_REVIEW");
        Api senior = Api.as(baseUrl(), "senior");
        String confirmation = NoticeLifecycleIT.awaitTask(senior, caseId);
        assertThat(senior.post("/api/tasks/" + confirmation + "/claim", "").status())
                .as("the first decider cannot confirm")
                .isEqualTo(409);
        assertThat(cases.measureStatuses(caseId)).containsOnly("PLANNED");

        String secondSenior = seniorModerator();
        Api other = Api.as(baseUrl(), secondSenior);
        other.post("/api/tasks/" + confirmation + "/claim", "");
        assertThat(other.post("/api/tasks/" + confirmation + "/decision", "{\"outcome\":\"ACCEPT\"}")
                        .status())
                .isEqualTo(400);
        assertThat(other.post("/api/tasks/" + confirmation + "/decision", "{\"outcome\":\"CONFIRM\"}")
                        .status())
                .isEqualTo(200);
        cases.awaitStatus("rightsholder-a", caseId, "NOTIFIED");
        assertThat(cases.measureStatuses(caseId)).containsOnly("APPLIED");
    }

    @Test
    void retractionLiftsTheMeasures() {
        String caseId = cases.fileAndAccept("rightsholder-a", Cases.notice("CN_ECOM", "acct-r"), "[\"DELIST\"]");
        assertThat(Api.as(baseUrl(), "rightsholder-b")
                        .post("/api/notices/" + caseId + "/retraction", "")
                        .status())
                .isEqualTo(404);
        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .post("/api/notices/" + caseId + "/retraction", "")
                        .status())
                .isEqualTo(202);
        cases.awaitStatus("rightsholder-a", caseId, "CLOSED");
        assertThat(cases.history("rightsholder-a", caseId)).contains("RETRACTED");
        assertThat(cases.measureStatuses(caseId)).containsOnly("LIFTED");
    }

    @Test
    void uploaderComplaintIsDecidedBySomeoneElseAndAReversalLiftsTheMeasure() {
        String caseId = cases.fileAndAccept("rightsholder-a", Cases.notice("EU_DSA", "acct-ap"), "[\"DELETE\"]");
        String token = cases.appealToken(caseId);
        Api uploader = Api.anonymous(baseUrl());
        assertThat(uploader.post("/api/uploader/" + token + "/appeal", "{\"grounds\":\"BECAUSE\"}")
                        .status())
                .isEqualTo(400);
        assertThat(uploader.post(
                                "/api/uploader/" + token + "/appeal",
                                "{\"grounds\":\"NOT_ILLEGAL\",\"explanation\":\"parody\"}")
                        .status())
                .isEqualTo(202);
        assertThat(uploader.post("/api/uploader/" + token + "/appeal", "{\"grounds\":\"NOT_ILLEGAL\"}")
                        .status())
                .as("a second appeal")
                .isEqualTo(409);
        cases.awaitStatus("rightsholder-a", caseId, "APPEAL_REVIEW");

        Api senior = Api.as(baseUrl(), "senior");
        String appealTask = NoticeLifecycleIT.awaitTask(senior, caseId);
        senior.post("/api/tasks/" + appealTask + "/claim", "");
        assertThat(senior.post("/api/tasks/" + appealTask + "/decision", "{\"outcome\":\"REVERSE\"}")
                        .status())
                .as("reasons are owed")
                .isEqualTo(400);
        assertThat(senior.post(
                                "/api/tasks/" + appealTask + "/decision",
                                "{\"outcome\":\"REVERSE\",\"reason\":\"parody is allowed\"}")
                        .status())
                .isEqualTo(200);
        // the complaint runs beside the lifecycle, which keeps the case open until the complaint window ends
        cases.awaitStatus("rightsholder-a", caseId, "APPEAL_REVERSED");
        assertThat(cases.history("rightsholder-a", caseId)).containsSubsequence("APPEAL_REVIEW", "APPEAL_REVERSED");
        await().atMost(Cases.PATIENCE).until(() -> cases.measureStatuses(caseId).equals(List.of("LIFTED")));
    }

    /** The local stack submits a decision's statement of reasons to its stand-in of the TDB, which accepts it. */
    @Test
    void aDecisionsStatementOfReasonsIsAcceptedByTheTransparencyDatabaseSandboxAndPreviewedSo() {
        String caseId = cases.file("rightsholder-a", Cases.notice("EU_DSA", "acct-tdb"));
        cases.decide(
                "moderator",
                caseId,
                "{\"outcome\":\"ACCEPT\",\"measures\":[\"DISABLE_ACCESS\"],\"reason\":\"moderator note 7781\","
                        + "\"countries\":[\"DE\"]}");
        await().atMost(Cases.PATIENCE).until(() -> cases.measureStatuses(caseId).equals(List.of("APPLIED")));

        await().atMost(Cases.PATIENCE).until(() -> {
            transparencyDatabase.prepare();
            transparencyDatabase.submitPending();
            return tdbStatements.recent(200).stream()
                    .anyMatch(s -> caseId.equals(s.caseId()) && s.state().equals("SUBMITTED"));
        });
        assertThat(tdbStatements.recent(200))
                .as("what the transparency page previews")
                .filteredOn(s -> caseId.equals(s.caseId()))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.tdbUuid())
                            .as("the sandbox's id of the accepted statement")
                            .isNotBlank();
                    assertThat(s.payload())
                            .contains("DECISION_VISIBILITY_CONTENT_DISABLED", "\"territorial_scope\" : [ \"DE\" ]")
                            .doesNotContain("7781");
                });
    }

    @Test
    void notifierComplaintAgainstNoActionCanApplyMeasuresButNotAfterItsWindow() {
        String caseId = cases.file("rightsholder-a", Cases.notice("EU_DSA", "acct-na"));
        cases.decide("moderator", caseId, "{\"outcome\":\"REJECT\",\"reason\":\"looks like parody\"}");
        cases.awaitStatus("rightsholder-a", caseId, "NOTIFIED");
        assertThat(Api.as(baseUrl(), "rightsholder-b")
                        .post("/api/notices/" + caseId + "/appeal", "{\"grounds\":\"NO_ACTION_UNFOUNDED\"}")
                        .status())
                .isEqualTo(404);
        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .post("/api/notices/" + caseId + "/appeal", "{\"grounds\":\"NO_ACTION_UNFOUNDED\"}")
                        .status())
                .isEqualTo(202);
        Api senior = Api.as(baseUrl(), "senior");
        String appealTask = NoticeLifecycleIT.awaitTask(senior, caseId);
        senior.post("/api/tasks/" + appealTask + "/claim", "");
        assertThat(senior.post(
                                "/api/tasks/" + appealTask + "/decision",
                                "{\"outcome\":\"REVERSE\",\"reason\":\"a copy, not parody\",\"measures\":[\"DELETE\"]}")
                        .status())
                .isEqualTo(200);
        // the uploader is forwarded the notice with its statement of reasons, as after a first decision that restricts
        assertThat(jdbc.queryForList(
                        "select body from letter where case_id = ?::uuid and kind = 'FORWARDED_NOTICE'",
                        String.class,
                        caseId))
                .singleElement()
                .asString()
                .contains(
                        "(a) Measure: DELETE on ",
                        "territorial scope: worldwide; duration: until further notice",
                        "(c) Automated means: none",
                        "explanation: a copy, not parody");
        await().atMost(Cases.PATIENCE).until(() -> cases.measureStatuses(caseId).equals(List.of("APPLIED")));

        String late = cases.file("rightsholder-a", Cases.notice("EU_DSA", "acct-late"));
        cases.decide("moderator", late, "{\"outcome\":\"REJECT\",\"reason\":\"no\"}");
        cases.awaitStatus("rightsholder-a", late, "NOTIFIED");
        jdbc.update("update notice set notified_at = now() - interval '200 days' where id = ?::uuid", late);
        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .post("/api/notices/" + late + "/appeal", "{\"grounds\":\"NO_ACTION_UNFOUNDED\"}")
                        .status())
                .as("after the window")
                .isEqualTo(409);
    }

    @Test
    void frequentManifestlyUnfoundedNoticesWarnThenSuspendTheNotifier() {
        String holder = rightsHolderOfNewOrganisation();
        for (int round = 0; round < 6; round++) {
            String caseId = cases.file(holder, Cases.notice("EU_DSA", "acct-m"));
            cases.decide(
                    "moderator",
                    caseId,
                    "{\"outcome\":\"REJECT\",\"reason\":\"nothing like the work\"," + "\"manifestly_unfounded\":true}");
            cases.awaitStatus(holder, caseId, "NOTIFIED");
            if (round == 2) {
                assertThat(cases.notificationKinds(caseId)).anyMatch(k -> k.startsWith("WARNING→notifier:"));
            }
            if (round == 5) {
                assertThat(cases.notificationKinds(caseId)).anyMatch(k -> k.startsWith("SUSPENSION→notifier:"));
            }
        }
        // the suspension is on the compliance officer's list, with its end date, and can be lifted early
        JsonNode suspended = Api.as(baseUrl(), "compliance")
                .get("/api/standings?status=SUSPENDED")
                .json();
        String organisation = holder.substring(0, holder.length() - "-user".length());
        JsonNode standing = null;
        for (JsonNode s : suspended) {
            if (s.get("party").get("id").asText().equals(organisation)) {
                standing = s;
            }
        }
        assertThat(standing).as("suspended: " + suspended).isNotNull();
        assertThat(standing.get("until").asText()).isNotBlank();
        Api.Response ignored = Api.as(baseUrl(), holder).post("/api/notices", Cases.notice("EU_DSA", "acct-m"));
        assertThat(ignored.json().get("status").asText()).isEqualTo("LOGGED_NOT_PROCESSED");
        assertThat(NoticeLifecycleIT.ids(
                        Api.as(baseUrl(), "moderator").get("/api/tasks").json()))
                .doesNotContain(ignored.json().get("case_id").asText());

        String suspensionId = standing.get("change_id").asText();
        assertThat(Api.as(baseUrl(), "moderator")
                        .post("/api/standings/suspensions/" + suspensionId + "/lift", "{\"reason\":\"x\"}")
                        .status())
                .as("only compliance lifts")
                .isEqualTo(403);
        Api.Response noReason =
                Api.as(baseUrl(), "compliance").post("/api/standings/suspensions/" + suspensionId + "/lift", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        // the notifier complains against its suspension (DSA Art. 20); a reversal ends the suspension and leaves the
        // case whose finding led to it as it was
        String findingCase = standing.get("case_id").asText();
        assertThat(deadlines(holder, findingCase))
                .as("the suspension's end and the window to complain against it")
                .contains(
                        "SUSPENSION_END NOTIFIER " + standing.get("until").asText(),
                        "COMPLAINT_WINDOW NOTIFIER suspension (" + suspensionId + ")");
        assertThat(Api.as(baseUrl(), holder)
                        .post(
                                "/api/notices/" + findingCase + "/appeal",
                                "{\"grounds\":\"DISPROPORTIONATE\",\"decision_id\":\"" + suspensionId + "\"}")
                        .status())
                .isEqualTo(202);
        assertThat(deadlines(holder, findingCase))
                .as("complained once against that suspension")
                .doesNotContain("COMPLAINT_WINDOW NOTIFIER suspension (" + suspensionId + ")");
        Api senior = Api.as(baseUrl(), "senior");
        String complaintTask = NoticeLifecycleIT.awaitTask(senior, findingCase);
        senior.post("/api/tasks/" + complaintTask + "/claim", "");
        Api.Response reversed = senior.post(
                "/api/tasks/" + complaintTask + "/decision",
                "{\"outcome\":\"REVERSE\",\"reason\":\"the rejections are under review\"}");
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(reversed.json().get("decision_id").asText()).isNotEqualTo(suspensionId);
        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(cases.notificationKinds(findingCase))
                        .anyMatch(k -> k.startsWith("REINSTATEMENT→notifier:")));
        assertThat(cases.notificationKinds(findingCase))
                .anyMatch(k -> k.startsWith("APPEAL_OUTCOME→notifier:"))
                .noneMatch(k -> k.startsWith("APPEAL_OUTCOME→uploader"));
        JsonNode findingView =
                Api.as(baseUrl(), holder).get("/api/notices/" + findingCase).json();
        assertThat(findingView.get("outcome").asText()).as("the case's outcome").isEqualTo("NO_ACTION");
        assertThat(cases.history(holder, findingCase)).doesNotContain("APPEAL_REVIEW", "APPEAL_REVERSED");
        assertThat(Api.as(baseUrl(), holder)
                        .post("/api/notices", Cases.notice("EU_DSA", "acct-m"))
                        .json()
                        .get("status")
                        .asText())
                .as("processed again")
                .isNotEqualTo("LOGGED_NOT_PROCESSED");
    }

    /** Each running deadline as "name party until-or-subject", the subject read from its rule. */
    private List<String> deadlines(String reader, String caseId) {
        List<String> found = new ArrayList<>();
        for (JsonNode deadline : Api.as(baseUrl(), reader)
                .get("/api/notices/" + caseId + "/deadlines")
                .json()) {
            String rule = deadline.get("rule").asText();
            String what = deadline.get("name").asText().equals("SUSPENSION_END")
                    ? deadline.get("at").asText()
                    : rule.contains("suspension (") ? rule.substring(rule.indexOf("suspension (")) : rule;
            found.add(deadline.get("name").asText() + " "
                    + deadline.get("party").asText() + " " + what.replaceAll("\\) within.*", ")"));
        }
        return found;
    }

    private String seniorModerator() {
        String user = "senior-" + UUID.randomUUID();
        jdbc.update(
                "insert into app_user (username, password_hash, role) values (?, ?, 'SENIOR_MODERATOR')",
                user,
                passwords.encode("demo"));
        return user;
    }

    private String rightsHolderOfNewOrganisation() {
        String org = "org-" + UUID.randomUUID();
        jdbc.update("insert into organisation (id, name) values (?, 'Test')", org);
        jdbc.update(
                "insert into app_user (username, password_hash, role, organisation_id) "
                        + "values (?, ?, 'RIGHTS_HOLDER', ?)",
                org + "-user",
                passwords.encode("demo"),
                org);
        return org + "-user";
    }

    private static JsonNode task(JsonNode tasks, String caseId) {
        for (JsonNode task : tasks) {
            if (task.get("case_id").asText().equals(caseId)) {
                return task;
            }
        }
        throw new AssertionError("no task for " + caseId);
    }
}
