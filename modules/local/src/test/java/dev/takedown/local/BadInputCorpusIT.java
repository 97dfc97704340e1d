package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takedown.testing.NoticeJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A corpus of hostile inputs sent to every free-text field and parameter of the JSON APIs and to the pages that
 * show them (issue 7). Asserts: never an HTTP 500, never a stack trace or exception class name in a body, no input
 * is ever evaluated (a canary file, and marker strings only an evaluation could produce), and the case and task pages
 * show stored input only HTML-escaped. Prints a report: inputs tried, 500s, evaluations. Every section asserts that it
 * sent at least the inputs its corpus and field lists call for, so a loop that silently stops sending fails the run.
 * The default run sends one payload of each input class ({@link #PAYLOADS}); {@code ./mvnw verify -Plong} the whole
 * corpus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIT extends StackTest {

    static final Path CANARY = Path.of("/tmp/takedown-canary");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Only an evaluation of one of the expression payloads can produce these. */
    private static final List<String> EVALUATION_MARKERS = List.of("takedown-eval-ok", "982007569");

    private static final String SCRIPT = "<script>alert(1)</script>";

    /** The corpus: name → payload. */
    static final Map<String, String> CORPUS = new LinkedHashMap<>();

    static {
        CORPUS.put("xss-script", SCRIPT);
        CORPUS.put("xss-img", "\"><img src=x onerror=alert(1)>");
        CORPUS.put("xss-svg", "'><svg/onload=alert(1)>");
        CORPUS.put("xss-attr", "\" autofocus onfocus=\"alert(1)");
        CORPUS.put("js-url", "javascript:alert(document.cookie)");
        CORPUS.put("spel-runtime", "${T(java.lang.Runtime).getRuntime().exec('touch " + CANARY + "')}");
        CORPUS.put("spel-hash-runtime", "#{T(java.lang.Runtime).getRuntime().exec('touch " + CANARY + "')}");
        CORPUS.put(
                "el-forname",
                "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + CANARY + "')}");
        CORPUS.put("juel-engine", "${execution.getProcessEngineServices()}");
        CORPUS.put("juel-concat", "${'takedown-eval-'.concat('ok')}");
        CORPUS.put("spel-concat", "#{'takedown-eval-'.concat('ok')}");
        CORPUS.put("el-arith", "${31337*31337}");
        CORPUS.put("thymeleaf-preprocess", "__${31337*31337}__");
        CORPUS.put("thymeleaf-inline", "[[${31337*31337}]] [(${'takedown-eval-'.concat('ok')})]");
        CORPUS.put("feel", "{{'takedown-eval-' + 'ok'}} string join([\"takedown-eval-\",\"ok\"])");
        CORPUS.put("jndi", "${jndi:ldap://127.0.0.1:1/a}");
        CORPUS.put("sql-or", "' OR 1=1 --");
        CORPUS.put("sql-drop", "1; drop table notice");
        CORPUS.put("sql-union", "x' UNION SELECT password_hash FROM app_user --");
        CORPUS.put("csv-cmd", "=cmd|' /C calc'!A0");
        CORPUS.put("csv-plus", "+SUM(1+1)*cmd|' /C calc'!A0");
        CORPUS.put("csv-at", "@SUM(1+1)");
        CORPUS.put("bidi", "invoice\u202Egnp.exe \u2066x\u2069");
        CORPUS.put("zero-width", "Ultra\u200Bman\u200C\u200D\uFEFF Tiga");
        CORPUS.put("nul", "before\u0000after");
        CORPUS.put("lone-surrogate", "x\uD800y");
        CORPUS.put("control", "a\u0007\u001B[31mred\r\nSet-Cookie: x=y");
        CORPUS.put("format", "%s%n%x%99999999d {0} {1,number}");
        CORPUS.put("traversal", "../../../../etc/passwd");
        CORPUS.put("emoji-combining", "Z\u0351\u0352\u0353\u0354 \uD83D\uDE00");
        CORPUS.put("long-4k", "A".repeat(4096));
    }

    /**
     * Left out of the default run, sent under {@code -Plong} ({@code -Dcorpus.full=true}): each is a second form of an
     * input class the sample keeps, caught by the same check (raw tags; a Runtime call that would touch the canary;
     * an engine call without a marker; SQL in a parameter; a formula prefix, each of which the audit module's
     * {@code ComplianceReportsTest} neutralises in the CSV export).
     */
    private static final List<String> SECOND_FORMS = List.of(
            "xss-img",
            "xss-svg",
            "el-forname",
            "spel-hash-runtime",
            "juel-engine",
            "sql-or",
            "sql-drop",
            "csv-plus",
            "csv-at");

    /**
     * The payloads every sweep sends: by default one of each input class (markup, attribute break-out, script URL, a
     * Runtime call per expression syntax, each template engine's evaluation marker, JNDI, SQL, a CSV formula, the
     * Unicode and control-character tricks, format strings, traversal, length), so every field and parameter still
     * meets every class; the full corpus under {@code -Plong}. The sections' counts follow from its size.
     */
    static final Map<String, String> PAYLOADS = payloads(Boolean.getBoolean("corpus.full"));

    static Map<String, String> payloads(boolean full) {
        if (!CORPUS.keySet().containsAll(SECOND_FORMS)) {
            throw new IllegalStateException("a second form that is not in the corpus: " + SECOND_FORMS);
        }
        Map<String, String> payloads = new LinkedHashMap<>(CORPUS);
        if (!full) {
            payloads.keySet().removeAll(SECOND_FORMS);
        }
        return payloads;
    }

    /**
     * The corpus as it stands, and the share of it every default run sends: a smaller corpus or sample means inputs
     * were dropped, and the sections' own floors, computed from the sample, would shrink with it unnoticed.
     */
    private static final int CORPUS_FLOOR = 31;

    private static final int SAMPLE_FLOOR = 22;
    /** Requests the default sample sends across the sections (3,070 when this floor was set). */
    private static final int INPUTS_FLOOR = 3000;

    /** The first characters that make a spreadsheet read a cell as a formula. */
    private static final String FORMULA_PREFIXES = "=+-@\t\r";

    private static final Pattern EXCEPTION_NAME =
            Pattern.compile("\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*(?:Exception|Error)\\b");
    private static final Pattern STACK_FRAME =
            Pattern.compile("\\bat [\\w.$]+\\([\\w$]+\\.java(?::\\d+)?\\)|Caused by:");
    /** Markup only an unescaped payload can bring: raw tags, or an attribute broken out of its quotes. */
    private static final Pattern ACTIVE_MARKUP = Pattern.compile(
            "(?i)<script(?![^>]*\\bsrc=\"/(?:js|webjars)/[^\"<>]+\"[^>]*>\\s*</script>)|<img[^>]*onerror|<svg"
                    + "|<iframe|onfocus=\"alert");

    @Autowired
    private ManagementService management;

    @Autowired
    private RuntimeService runtime;

    private Cases cases;
    private String acceptedForCounterNotice;
    private String acceptedForAppeal;
    private String counterToken;
    private String appealToken;
    // each case's link of the other purpose: requests that must reach validation without answering the case
    private String counterCaseAppealToken;
    private String appealCaseCounterToken;
    private String taskId;

    private final AtomicInteger inputs = new AtomicInteger();
    /** Per section: inputs sent, and the floor computed from the corpus and the section's fields. */
    private final Map<String, Map.Entry<Integer, Integer>> sent = new LinkedHashMap<>();

    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();
    private final List<String> evaluations = new ArrayList<>();
    private final List<String> activeMarkup = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Formula payloads a registered notice carries in notifier.type: the cells the CSV export must neutralise. */
    private final List<String> storedFormulas = new ArrayList<>();

    @BeforeAll
    void fixtures() throws IOException {
        Files.deleteIfExists(CANARY);
        cases = new Cases(baseUrl(), management, runtime);
        acceptedForCounterNotice = cases.fileAndAccept(
                "rightsholder-a",
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-corpus-" + UUID.randomUUID())
                        .json(),
                "[\"DELETE\"]");
        counterToken = cases.counterNoticeToken(acceptedForCounterNotice);
        counterCaseAppealToken = cases.appealToken(acceptedForCounterNotice);
        acceptedForAppeal = cases.fileAndAccept(
                "rightsholder-a",
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-corpus-" + UUID.randomUUID())
                        .json(),
                "[\"DELETE\"]");
        appealToken = cases.appealToken(acceptedForAppeal);
        appealCaseCounterToken = cases.counterNoticeToken(acceptedForAppeal);
        String inReview = cases.file(
                "rightsholder-a",
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-corpus-" + UUID.randomUUID())
                        .json());
        taskId = NoticeLifecycleIT.awaitTask(Api.as(baseUrl(), "moderator"), inReview);
    }

    @AfterAll
    void report() {
        boolean canary = Files.exists(CANARY);
        if (canary) {
            evaluations.add("canary file " + CANARY + " exists");
        }
        System.out.println("[bad-input] ==== report ====");
        System.out.println("[bad-input] corpus payloads: " + CORPUS.size() + ", sent: " + PAYLOADS.size()
                + "; inputs tried (requests): " + inputs.get());
        sent.forEach((section, counts) -> System.out.println("[bad-input]   " + section + ": " + counts.getKey()
                + " sent (at least " + counts.getValue() + " required)"));
        System.out.println("[bad-input] HTTP 500s: " + serverErrors.size());
        serverErrors.forEach(e -> System.out.println("[bad-input]   500 " + e));
        System.out.println(
                "[bad-input] evaluations: " + evaluations.size() + " (canary " + (canary ? "PRESENT" : "absent") + ")");
        evaluations.forEach(e -> System.out.println("[bad-input]   EVAL " + e));
        System.out.println("[bad-input] stack traces / exception names in bodies: " + leaks.size());
        leaks.forEach(e -> System.out.println("[bad-input]   LEAK " + e));
        System.out.println("[bad-input] active markup on pages: " + activeMarkup.size());
        activeMarkup.forEach(e -> System.out.println("[bad-input]   XSS " + e));
        notes.forEach(e -> System.out.println("[bad-input]   note " + e));
    }

    // ---------------------------------------------------------------- the sweep over fields and parameters

    @Test
    @Order(1)
    void noticeIntakeFields() {
        // every string of the notice, one at a time, on a notice that cannot be registered (no attestation, so
        // incomplete; no contact for the notifier, so not curable either): Jackson, the profile checks and the
        // problem answer see the payload, and no case is created
        List<String> fields = List.of(
                "language",
                "notifier.type",
                "notifier.legal_name",
                "notifier.country",
                "notifier.identity_document.type",
                "notifier.identity_document.number",
                "notifier.trusted_flagger_id",
                "rights_holder.name",
                "signature.type",
                "signature.value",
                "signature.signed_at",
                "claim.right_type",
                "works.0.title",
                "works.0.protected_terms.0",
                "works.0.registered_work_id",
                "targets.0.type",
                "targets.0.url",
                "targets.0.account_id",
                "targets.0.produce_id",
                "targets.0.sha256",
                "targets.0.model_id",
                "targets.0.dataset_id",
                "targets.0.item_id",
                "targets.0.generated_at",
                "creation_evidence.prompts.0",
                "creation_evidence.parameters",
                "creation_evidence.seeds.0",
                "creation_evidence.iteration_history.0",
                "creation_evidence.original_post_url",
                "creation_evidence.watermark",
                "evidence.0.kind",
                "evidence.0.url",
                "evidence.0.description",
                "evidence.0.sha256",
                "explanation",
                "requested_measures.0",
                "jurisdiction_profiles.0");
        List<String> contactFields = List.of("notifier.email", "notifier.phone", "notifier.postal_address");
        int before = inputs.get();
        int asciiPayloads = 0;
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        for (var payload : PAYLOADS.entrySet()) {
            for (String field : fields) {
                ObjectNode notice = notice("https://gen.example/corpus/" + UUID.randomUUID());
                ((ObjectNode) notice.get("notifier")).remove(List.of("email", "postal_address", "phone"));
                notice.remove("attestations");
                set(notice, field, payload.getValue());
                check("POST /api/notices " + field, payload, () -> holder.post("/api/notices", notice.toString()));
            }
            for (String field : contactFields) {
                ObjectNode notice = notice("https://gen.example/corpus/" + UUID.randomUUID());
                notice.remove("targets");
                notice.remove("attestations");
                set(notice, field, payload.getValue());
                check("POST /api/notices " + field, payload, () -> holder.post("/api/notices", notice.toString()));
            }
            if (payload.getValue().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                asciiPayloads++;
                check(
                        "POST /api/notices Idempotency-Key header",
                        payload,
                        () -> holder.post(
                                "/api/notices",
                                Notices.incompleteDmca(),
                                Map.of("Idempotency-Key", payload.getValue())));
            }
        }
        sentAtLeast(
                "notice intake fields",
                before,
                PAYLOADS.size() * (fields.size() + contactFields.size()) + asciiPayloads);
    }

    /**
     * One complete notice per payload with the payload in every field a complete notice may carry (fields the
     * profile refuses are put back and named), then: the task page as the moderator, a REJECT decision with the
     * payload as its reason, and the case page as the rights holder — both must show the payload only escaped.
     */
    @Test
    @Order(2)
    void storedNoticesRenderOnlyEscaped() {
        List<String> fields = List.of(
                "language",
                "notifier.type",
                "notifier.legal_name",
                "notifier.email",
                "notifier.phone",
                "notifier.postal_address",
                "notifier.country",
                "notifier.identity_document.type",
                "notifier.identity_document.number",
                "notifier.trusted_flagger_id",
                "rights_holder.name",
                "signature.type",
                "signature.value",
                "signature.signed_at",
                "claim.right_type",
                "works.0.title",
                "works.0.protected_terms.0",
                "works.0.registered_work_id",
                "targets.0.type",
                "targets.0.account_id",
                "evidence.0.kind",
                "evidence.0.url",
                "evidence.0.description",
                "evidence.0.sha256",
                "explanation",
                "requested_measures.0",
                "jurisdiction_profiles.1");
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        Api moderator = Api.as(baseUrl(), "moderator");
        PageSession moderatorPages = PageSession.login(baseUrl(), "moderator");
        PageSession holderPages = PageSession.login(baseUrl(), "rightsholder-a");
        int before = inputs.get();
        int registered = 0;
        for (var payload : PAYLOADS.entrySet()) {
            ObjectNode notice = notice("https://gen.example/corpus/stored/" + UUID.randomUUID());
            fields.forEach(f -> set(notice, f, payload.getValue()));
            Api.Response filed = check(
                    "POST /api/notices (all fields)", payload, () -> holder.post("/api/notices", notice.toString()));
            boolean notifierTypeKept = true;
            if (filed.status() == 400) {
                // put back what the profile refused, keep the payload everywhere else
                List<String> refused = new ArrayList<>();
                ObjectNode base = notice("https://gen.example/corpus/stored/" + UUID.randomUUID());
                for (JsonNode error : filed.json().path("errors")) {
                    refused.add(error.get("field").asText());
                }
                ObjectNode retry = base.deepCopy();
                fields.stream()
                        .filter(f -> refused.stream()
                                .noneMatch(
                                        r -> r.replaceAll("\\[(\\d+)]", ".$1").equals(f)))
                        .forEach(f -> set(retry, f, payload.getValue()));
                notes.add("stored " + payload.getKey() + ": refused " + refused);
                notifierTypeKept = !refused.contains("notifier.type");
                filed = check(
                        "POST /api/notices (accepted fields)",
                        payload,
                        () -> holder.post("/api/notices", retry.toString()));
            }
            if (filed.status() >= 500) {
                // keep the payload only where the notice body (jsonb) holds it, to reach the pages
                ObjectNode narrow = notice("https://gen.example/corpus/stored/" + UUID.randomUUID());
                for (String f : List.of(
                        "notifier.identity_document.number",
                        "signature.value",
                        "evidence.0.description",
                        "explanation",
                        "works.0.protected_terms.0")) {
                    set(narrow, f, payload.getValue());
                }
                notes.add("stored " + payload.getKey() + ": 500 with all fields, retried in the body's fields only");
                notifierTypeKept = false;
                filed = check(
                        "POST /api/notices (body fields)",
                        payload,
                        () -> holder.post("/api/notices", narrow.toString()));
            }
            if (filed.status() != 201) {
                notes.add("stored " + payload.getKey() + ": not registered (" + filed.status() + ")");
                continue;
            }
            registered++;
            if (notifierTypeKept && FORMULA_PREFIXES.indexOf(payload.getValue().charAt(0)) >= 0) {
                storedFormulas.add(payload.getValue());
            }
            String caseId = filed.json().get("case_id").asText();
            String task = NoticeLifecycleIT.awaitTask(moderator, caseId);
            page("GET /tasks/{id} (unclaimed)", payload, moderatorPages, "/tasks/" + task);
            check("POST /api/tasks/{id}/claim", payload, () -> moderator.post("/api/tasks/" + task + "/claim", ""));
            page("GET /tasks/{id} (claimed)", payload, moderatorPages, "/tasks/" + task);
            check("GET /api/tasks/{id}", payload, () -> moderator.get("/api/tasks/" + task));
            check("GET /api/notices/{id} (staff)", payload, () -> moderator.get("/api/notices/" + caseId));
            ObjectNode decision =
                    JSON.createObjectNode().put("outcome", "REJECT").put("reason", payload.getValue());
            check(
                    "POST /api/tasks/{id}/decision reason",
                    payload,
                    () -> moderator.post("/api/tasks/" + task + "/decision", decision.toString()));
            page("GET /notices/{id}", payload, holderPages, "/notices/" + caseId);
            page("GET /notices", payload, holderPages, "/notices");
            check("GET /api/notices/{id}", payload, () -> holder.get("/api/notices/" + caseId));
            check(
                    "GET /api/audit/cases/{id}",
                    payload,
                    () -> Api.as(baseUrl(), "compliance").get("/api/audit/cases/" + caseId));
            if (payload.getKey().equals("xss-script")) {
                String casePage = holderPages.get("/notices/" + caseId).body();
                assertThat(casePage).as("the case page shows the input as text").contains("&lt;script&gt;alert(1)");
                assertThat(moderatorPages.get("/tasks").body())
                        .as("only our own script files, nothing inline")
                        .doesNotContainPattern(ACTIVE_MARKUP);
            }
        }
        page("GET /tasks (list)", Map.entry("all", ""), moderatorPages, "/tasks");
        // one filing per payload; ten reads and writes around every registered case; the task list
        sentAtLeast("stored notices", before, PAYLOADS.size() + 10 * registered + 1);
        assertThat(registered).as("payloads that reached a case and its pages").isPositive();
    }

    @Test
    @Order(3)
    void portalFormFields() {
        PageSession holder = PageSession.login(baseUrl(), "rightsholder-a");
        List<String> fields = List.of(
                "profile",
                "notifierName",
                "notifierEmail",
                "identityType",
                "identityNumber",
                "signature",
                "workTitle",
                "targetUrls",
                "evidenceUrl",
                "evidenceDescription",
                "explanation");
        int before = inputs.get();
        for (var payload : PAYLOADS.entrySet()) {
            for (String field : fields) {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("workTitle", "Corpus");
                form.put(field, payload.getValue());
                // no notifier contact and no target unless the payload is one: refused, the form comes back
                inputs.incrementAndGet();
                PageSession.Response r = holder.postForm("/notices", form, true);
                inspect(
                        "POST /notices (form) " + field,
                        payload,
                        r.status(),
                        r.body(),
                        r.contentType().startsWith("text/html"));
            }
        }
        sentAtLeast("portal form fields", before, PAYLOADS.size() * fields.size());
    }

    @Test
    @Order(4)
    void workRegistrationFields() {
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        int before = inputs.get();
        int registered = 0;
        for (var payload : PAYLOADS.entrySet()) {
            String p = payload.getValue();
            ObjectNode work = JSON.createObjectNode().put("title", p);
            work.putArray("terms").add(p.length() <= 200 ? p : "corpus-term").add("corpus-" + UUID.randomUUID());
            work.putArray("licensees").add(p);
            work.putArray("replay_prompts").add(p);
            ObjectNode combination = work.putArray("combinations").addObject();
            combination.putArray("phrases").add(p).add("red giant");
            combination.put("at_least", 2).put("window_words", 5);
            Api.Response filed =
                    check("POST /api/works (all fields)", payload, () -> holder.post("/api/works", work.toString()));
            if (filed.status() == 201) {
                registered++;
                String id = filed.json().get("work_id").asText();
                check("GET /api/works/{id}", payload, () -> holder.get("/api/works/" + id));
            }
            ObjectNode badHash = JSON.createObjectNode().put("title", "x");
            badHash.putArray("image_hashes").add(p);
            check("POST /api/works image_hashes", payload, () -> holder.post("/api/works", badHash.toString()));
            ObjectNode badCombination = JSON.createObjectNode().put("title", "x");
            badCombination
                    .putArray("combinations")
                    .addObject()
                    .put("at_least", p)
                    .putArray("phrases")
                    .add(p);
            check(
                    "POST /api/works combinations.at_least",
                    payload,
                    () -> holder.post("/api/works", badCombination.toString()));
        }
        // the full work, a malformed hash and a malformed combination per payload; a read of every stored work
        sentAtLeast("work registration fields", before, PAYLOADS.size() * 3 + registered);
    }

    @Test
    @Order(5)
    void decisionCounterNoticeAppealAndLiftFields() {
        Api moderator = Api.as(baseUrl(), "moderator");
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        Api anonymous = Api.anonymous(baseUrl());
        List<String> counterFields = List.of(
                "user.legal_name",
                "user.identity_document.type",
                "user.identity_document.number",
                "user.address",
                "user.phone",
                "user.email",
                "material.identification",
                "material.prior_location",
                "non_infringement_evidence.0.kind",
                "non_infringement_evidence.0.description",
                "non_infringement_evidence.0.url",
                "signature.value",
                "exception_claim");
        int before = inputs.get();
        for (var payload : PAYLOADS.entrySet()) {
            String p = payload.getValue();
            // decisions that cannot go through (invalid outcome / measure): the task stays open
            check(
                    "POST /api/tasks/{id}/decision outcome",
                    payload,
                    () -> moderator.post(
                            "/api/tasks/" + taskId + "/decision",
                            JSON.createObjectNode()
                                    .put("outcome", p)
                                    .put("reason", p)
                                    .toString()));
            ObjectNode measures =
                    JSON.createObjectNode().put("outcome", "ACCEPT").put("reason", p);
            measures.putArray("measures").add(p);
            check(
                    "POST /api/tasks/{id}/decision measures",
                    payload,
                    () -> moderator.post("/api/tasks/" + taskId + "/decision", measures.toString()));
            // counter-notice: every field, on a counter-notice missing its attestation (refused, case unchanged)
            for (String field : counterFields) {
                ObjectNode counter = (ObjectNode) read(Cases.counterNoticeCn());
                counter.remove("attestations");
                set(counter, field, p);
                check(
                        "POST /api/uploader/{token}/counter-notice " + field,
                        payload,
                        () -> anonymous.post("/api/uploader/" + counterToken + "/counter-notice", counter.toString()));
            }
            // appeals with grounds that are not grounds (refused), the explanation carrying the payload
            ObjectNode appeal = JSON.createObjectNode().put("grounds", p).put("explanation", p);
            check(
                    "POST /api/uploader/{token}/appeal",
                    payload,
                    () -> anonymous.post("/api/uploader/" + appealToken + "/appeal", appeal.toString()));
            check(
                    "POST /api/notices/{id}/appeal",
                    payload,
                    () -> holder.post("/api/notices/" + acceptedForAppeal + "/appeal", appeal.toString()));
            ObjectNode proof = JSON.createObjectNode().put("kind", p).put("reference", p);
            check(
                    "POST /api/notices/{id}/legal-action-proof",
                    payload,
                    () -> holder.post("/api/notices/" + acceptedForAppeal + "/legal-action-proof", proof.toString()));
            check(
                    "POST /api/tasks/{unknown}/escalate reason",
                    payload,
                    () -> moderator.post(
                            "/api/tasks/" + UUID.randomUUID() + "/escalate",
                            JSON.createObjectNode().put("reason", p).toString()));
            check(
                    "POST /api/measures/{unknown}/lift reason",
                    payload,
                    () -> Api.as(baseUrl(), "senior")
                            .post(
                                    "/api/measures/" + UUID.randomUUID() + "/lift",
                                    JSON.createObjectNode().put("reason", p).toString()));
            check(
                    "PUT /api/notices/{id}",
                    payload,
                    () -> holder.put(
                            "/api/notices/" + acceptedForAppeal,
                            notice("https://gen.example/" + UUID.randomUUID())
                                    .put("explanation", p)
                                    .toString()));
        }
        // one complete counter-notice and one valid appeal, every text field carrying markup and expressions
        String p = SCRIPT + " " + CORPUS.get("spel-runtime") + " " + CORPUS.get("juel-concat") + " "
                + CORPUS.get("format");
        ObjectNode counter = (ObjectNode) read(Cases.counterNoticeCn());
        for (String field : List.of(
                "user.legal_name",
                "user.phone",
                "material.identification",
                "material.prior_location",
                "non_infringement_evidence.0.description")) {
            set(counter, field, p);
        }
        Api.Response filed = check(
                "POST /api/uploader/{token}/counter-notice (complete)",
                Map.entry("combined", p),
                () -> anonymous.post("/api/uploader/" + counterToken + "/counter-notice", counter.toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        Api.Response appealed = check(
                "POST /api/uploader/{token}/appeal (valid)",
                Map.entry("combined", p),
                () -> anonymous.post(
                        "/api/uploader/" + appealToken + "/appeal",
                        JSON.createObjectNode()
                                .put("grounds", "NOT_ILLEGAL")
                                .put("explanation", p)
                                .toString()));
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(202);
        await(() -> cases.notificationKinds(acceptedForCounterNotice).size() > 2);
        check(
                "GET /api/notices/{id}/notifications",
                Map.entry("combined", p),
                () -> Api.as(baseUrl(), "compliance")
                        .get("/api/notices/" + acceptedForCounterNotice + "/notifications"));
        check(
                "GET /api/uploader/{token}",
                Map.entry("combined", p),
                () -> anonymous.get("/api/uploader/" + counterToken));
        PageSession holderPages = PageSession.login(baseUrl(), "rightsholder-a");
        // an escalation that goes through, its reason carrying markup and expressions, shown on the case page
        String escalatedCase = cases.file(
                "rightsholder-a",
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-corpus-" + UUID.randomUUID())
                        .json());
        String toEscalate = NoticeLifecycleIT.awaitTask(moderator, escalatedCase);
        Api.Response escalated = check(
                "POST /api/tasks/{id}/escalate reason (valid)",
                Map.entry("combined", p),
                () -> moderator.post(
                        "/api/tasks/" + toEscalate + "/escalate",
                        JSON.createObjectNode().put("reason", p).toString()));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        page("GET /notices/{id} (escalated)", Map.entry("combined", p), holderPages, "/notices/" + escalatedCase);
        page(
                "GET /notices/{id} (counter-notice)",
                Map.entry("combined", p),
                holderPages,
                "/notices/" + acceptedForCounterNotice);
        page("GET /notices/{id} (appeal)", Map.entry("combined", p), holderPages, "/notices/" + acceptedForAppeal);
        // per payload: two decisions, the counter-notice fields, six appeal/proof/escalation/lift/update requests;
        // then eight requests around the complete counter-notice, appeal and escalation
        sentAtLeast(
                "decision, counter-notice, appeal and lift fields",
                before,
                PAYLOADS.size() * (2 + counterFields.size() + 6) + 8);
    }

    /**
     * Model remediation (issue 11): the owner's change fields through the API and the page form, the list filter and
     * the report path. A hostile change may be stored (then the remediation is verifying and later changes are 409):
     * the owner page and the text report must still show it inert.
     */
    @Test
    @Order(6)
    void remediationChangeFields() {
        String caseId = cases.fileAndAccept(
                "rightsholder-a",
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-corpus-" + UUID.randomUUID())
                        .json()
                        .replace("\"type\": \"URL\"", "\"type\": \"GENERATED_OUTPUT\", \"produce_id\": \"P-corpus\""),
                "[\"OUTPUT_PURGE\"]");
        Api platform = Api.as(baseUrl(), "platform");
        Api compliance = Api.as(baseUrl(), "compliance");
        String id = null;
        for (int i = 0; i < 100 && id == null; i++) {
            for (JsonNode r : platform.get("/api/remediations").json()) {
                if (r.get("case_id").asText().equals(caseId)) {
                    id = r.get("remediation_id").asText();
                }
            }
            sleep();
        }
        assertThat(id).as("remediation of " + caseId).isNotNull();
        PageSession ownerPages = PageSession.login(baseUrl(), "platform");
        List<String> changeFields = List.of("filter_version", "model_version", "description");
        int before = inputs.get();
        for (var payload : PAYLOADS.entrySet()) {
            String p = payload.getValue();
            for (String field : changeFields) {
                ObjectNode change = JSON.createObjectNode()
                        .put("filter_version", "f")
                        .put("description", "d")
                        .put(field, p);
                change.putArray("added_terms").add(p);
                String path = "/api/remediations/" + id + "/changes";
                check(
                        "POST /api/remediations/{id}/changes " + field,
                        payload,
                        () -> platform.post(path, change.toString()));
                inputs.incrementAndGet();
                Map<String, String> fields =
                        new LinkedHashMap<>(Map.of("filter_version", "f", "description", "d", "added_terms", p));
                fields.put(field, p);
                PageSession.Response form = ownerPages.postForm("/remediations/" + id + "/changes", fields, true);
                inspect(
                        "POST /remediations/{id}/changes (form) " + field,
                        payload,
                        form.status(),
                        form.body(),
                        form.contentType().startsWith("text/html"));
            }
            page("GET /remediations", payload, ownerPages, "/remediations");
            check("GET /api/remediations?status", payload, () -> platform.get("/api/remediations?status=" + query(p)));
            check("GET /api/remediations/{id}", payload, () -> platform.get("/api/remediations/" + segment(p)));
            check(
                    "GET /api/cases/{id}/remediation/report",
                    payload,
                    () -> compliance.get("/api/cases/" + segment(p) + "/remediation/report"));
            check(
                    "GET /api/cases/{id}/remediation/report?format=text",
                    payload,
                    () -> compliance.get("/api/cases/" + caseId + "/remediation/report?format=text"));
        }
        // API and form per change field; the page, the filter, two ids and the text report per payload
        sentAtLeast("remediation change fields", before, PAYLOADS.size() * (2 * changeFields.size() + 5));
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Order(6)
    void queryAndPathParameters() {
        Api moderator = Api.as(baseUrl(), "moderator");
        Api compliance = Api.as(baseUrl(), "compliance");
        Api platform = Api.as(baseUrl(), "platform");
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        PageSession moderatorPages = PageSession.login(baseUrl(), "moderator");
        PageSession compliancePages = PageSession.login(baseUrl(), "compliance");
        PageSession holderPages = PageSession.login(baseUrl(), "rightsholder-a");
        List<String> acknowledgementFields =
                List.of("account_id", "agreement_version", "risk_warning_version", "shown_at");
        int before = inputs.get();
        for (var payload : PAYLOADS.entrySet()) {
            String p = payload.getValue();
            String q = query(p);
            String seg = segment(p);
            check("GET /api/tasks?sort", payload, () -> moderator.get("/api/tasks?sort=" + q));
            check("GET /api/tasks?min_priority", payload, () -> moderator.get("/api/tasks?min_priority=" + q));
            check("GET /api/tasks?due_before", payload, () -> moderator.get("/api/tasks?due_before=" + q));
            page("GET /tasks?sort", payload, moderatorPages, "/tasks?sort=" + q);
            check("GET /api/tasks/{id}", payload, () -> moderator.get("/api/tasks/" + seg));
            page("GET /tasks/{id}", payload, moderatorPages, "/tasks/" + seg);
            check("GET /api/measures?case_id", payload, () -> compliance.get("/api/measures?case_id=" + q));
            check("GET /api/measures/{id}", payload, () -> compliance.get("/api/measures/" + seg));
            check("GET /api/notices/{id}", payload, () -> holder.get("/api/notices/" + seg));
            page("GET /notices/{id}", payload, holderPages, "/notices/" + seg);
            check("GET /api/works/{id}", payload, () -> holder.get("/api/works/" + seg));
            check(
                    "GET /api/uploader/{token}",
                    payload,
                    () -> Api.anonymous(baseUrl()).get("/api/uploader/" + seg));
            check("GET /api/audit/cases/{id}", payload, () -> compliance.get("/api/audit/cases/" + seg));
            check(
                    "GET /api/audit/cases/{id}/bundle",
                    payload,
                    () -> compliance.get("/api/audit/cases/" + seg + "/bundle"));
            page("GET /audit?caseId", payload, compliancePages, "/audit?caseId=" + q);
            check("GET /api/screening/url?url", payload, () -> moderator.get("/api/screening/url?url=" + q));
            ObjectNode prompt = JSON.createObjectNode().put("prompt", p).put("account_id", p);
            check("POST /api/screen/prompt", payload, () -> platform.post("/api/screen/prompt", prompt.toString()));
            check(
                    "POST /api/screen/prompts",
                    payload,
                    () -> platform.post(
                            "/api/screen/prompts",
                            JSON.createArrayNode().add(prompt).add(prompt).toString()));
            check(
                    "POST /api/screen/image pdq",
                    payload,
                    () -> platform.post(
                            "/api/screen/image",
                            JSON.createObjectNode()
                                    .put("pdq", p)
                                    .put("account_id", p)
                                    .toString()));
            check(
                    "POST /api/screen/images pdq",
                    payload,
                    () -> platform.post(
                            "/api/screen/images",
                            JSON.createArrayNode()
                                    .add(JSON.createObjectNode().put("pdq", p))
                                    .toString()));
            check(
                    "POST /api/screen/file sha256",
                    payload,
                    () -> platform.post(
                            "/api/screen/file",
                            JSON.createObjectNode().put("sha256", p).toString()));
            for (String field : acknowledgementFields) {
                ObjectNode ack = JSON.createObjectNode()
                        .put("account_id", "a")
                        .put("agreement_version", "1")
                        .put("risk_warning_version", "1")
                        .put("shown_at", "2025-09-01T00:00:00Z")
                        .put(field, p);
                check(
                        "POST /api/risk-warnings " + field,
                        payload,
                        () -> platform.post("/api/risk-warnings", ack.toString()));
            }
            check(
                    "GET /api/notices/{id}/risk-warnings",
                    payload,
                    () -> moderator.get("/api/notices/" + seg + "/risk-warnings"));
        }
        // Camunda's REST API (ADMIN only, behind CamundaRestGuard), the OIDC callback and the login page's ?oidc=
        Api admin = Api.as(baseUrl(), "admin");
        PageSession anonymousPages = PageSession.anonymous(baseUrl());
        for (var payload : PAYLOADS.entrySet()) {
            String p = payload.getValue();
            String q = query(p);
            check("GET /engine-rest/task?nameLike", payload, () -> admin.get("/engine-rest/task?nameLike=" + q));
            check("GET /engine-rest/task/{id}", payload, () -> admin.get("/engine-rest/task/" + segment(p)));
            check(
                    "POST /engine-rest/task nameLike",
                    payload,
                    () -> admin.post(
                            "/engine-rest/task",
                            JSON.createObjectNode()
                                    .put("nameLike", p)
                                    .put("assignee", p)
                                    .toString()));
            page(
                    "GET /login/oauth2/code/oidc?code&state",
                    payload,
                    anonymousPages,
                    "/login/oauth2/code/oidc?code=" + q + "&state=" + q);
            page("GET /login?oidc", payload, anonymousPages, "/login?oidc=" + q);
        }
        // 22 parameters and paths plus one acknowledgement per field, then 5 Camunda and login inputs, per payload
        sentAtLeast("query and path parameters", before, PAYLOADS.size() * (22 + acknowledgementFields.size() + 5));
        // SQL in parameters did not reach the database: the notice table is still there and answers
        assertThat(holder.get("/api/notices").status()).isEqualTo(200);
        assertThat(compliance.get("/api/audit/verify").json().path("intact").asBoolean())
                .isTrue();
    }

    @Test
    @Order(7)
    void malformedUrlsInTargetLists() {
        List<String> malformed = List.of(
                "not a url",
                "http://",
                "https://",
                "ht!tp://x.test/",
                "//evil.test/x",
                "javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "file:///etc/passwd",
                "https://exa mple.test/",
                "https://[::1",
                "https://gen.example/%zz",
                "https://gen.example:99999/",
                "https://user:pass@gen.example/",
                "http://127.0.0.1:8080/actuator",
                "https://gen.example/\u202Eexe",
                "https://xn--80ak6aa92e.com/",
                "https://gen.example/" + "a".repeat(10_000),
                "",
                " ",
                "\u0000",
                "https://gen.example/?q=" + SCRIPT,
                "mailto:x@y.test",
                "https://gen.example/\u200B/");
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        int before = inputs.get();
        ObjectNode notice = notice("https://gen.example/corpus/ok/" + UUID.randomUUID());
        ArrayNode targets = notice.putArray("targets");
        malformed.forEach(u -> targets.addObject().put("type", "URL").put("url", u));
        Api.Response refused = check(
                "POST /api/notices targets[] (malformed list)",
                Map.entry("malformed-urls", String.join(" ", malformed)),
                () -> holder.post("/api/notices", notice.toString()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        List<String> named = new ArrayList<>();
        refused.json().path("errors").forEach(e -> named.add(e.get("field").asText()));
        notes.add("malformed target URLs named: " + named);
        // a bulk list: 5,000 targets, every other one malformed
        ObjectNode bulk = notice("https://gen.example/corpus/bulk/" + UUID.randomUUID());
        ArrayNode many = bulk.putArray("targets");
        for (int i = 0; i < 5000; i++) {
            many.addObject()
                    .put("type", "URL")
                    .put(
                            "url",
                            i % 2 == 0
                                    ? "https://gen.example/bulk/" + UUID.randomUUID()
                                    : malformed.get(i % malformed.size()));
        }
        Api.Response bulkAnswer = check(
                "POST /api/notices targets[5000]",
                Map.entry("bulk-malformed", "5000"),
                () -> holder.post("/api/notices", bulk.toString()));
        assertThat(bulkAnswer.status()).as(excerpt(bulkAnswer.body())).isEqualTo(400);
        for (String u : malformed) {
            check(
                    "GET /api/screening/url?url (malformed)",
                    Map.entry("malformed-url", u),
                    () -> Api.as(baseUrl(), "moderator").get("/api/screening/url?url=" + query(u)));
        }
        PageSession holderPages = PageSession.login(baseUrl(), "rightsholder-a");
        inputs.incrementAndGet();
        PageSession.Response form = holderPages.postForm(
                "/notices",
                Map.of(
                        "workTitle",
                        "bulk",
                        "notifierName",
                        "x",
                        "notifierEmail",
                        "a@b.test",
                        "targetUrls",
                        String.join("\n", malformed)),
                true);
        inspect(
                "POST /notices (form) targetUrls malformed",
                Map.entry("malformed-urls", ""),
                form.status(),
                form.body(),
                true);
        // the list, the bulk list, the screening of each URL, the form
        sentAtLeast("malformed target URLs", before, 2 + malformed.size() + 1);
    }

    // ---------------------------------------------------------------- size, depth, encoding

    /** JSON endpoints and who may call them, with a body shape that reaches the handler's validation. */
    private List<Door> jsonDoors() {
        return List.of(
                new Door("POST /api/notices", "rightsholder-a", "/api/notices", "POST"),
                new Door("PUT /api/notices/{id}", "rightsholder-a", "/api/notices/" + acceptedForAppeal, "PUT"),
                new Door("POST /api/works", "rightsholder-a", "/api/works", "POST"),
                new Door("POST /api/tasks/{id}/decision", "moderator", "/api/tasks/" + taskId + "/decision", "POST"),
                new Door(
                        "POST /api/uploader/{token}/counter-notice",
                        null,
                        "/api/uploader/" + appealCaseCounterToken + "/counter-notice",
                        "POST"),
                new Door(
                        "POST /api/uploader/{token}/appeal",
                        null,
                        "/api/uploader/" + counterCaseAppealToken + "/appeal",
                        "POST"),
                new Door(
                        "POST /api/notices/{id}/appeal",
                        "rightsholder-a",
                        "/api/notices/" + acceptedForCounterNotice + "/appeal",
                        "POST"),
                new Door(
                        "POST /api/notices/{id}/legal-action-proof",
                        "rightsholder-a",
                        "/api/notices/" + acceptedForAppeal + "/legal-action-proof",
                        "POST"),
                new Door(
                        "POST /api/measures/{id}/lift",
                        "senior",
                        "/api/measures/" + UUID.randomUUID() + "/lift",
                        "POST"),
                new Door("POST /api/screen/prompt", "platform", "/api/screen/prompt", "POST"),
                new Door("POST /api/screen/prompts", "platform", "/api/screen/prompts", "POST"),
                new Door("POST /api/screen/image", "platform", "/api/screen/image", "POST"));
    }

    record Door(String name, String user, String path, String method) {}

    @Test
    @Order(8)
    void deeplyNestedJsonIsRefused() {
        int depth = 10_000;
        String objects = "{\"explanation\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        int before = inputs.get();
        for (Door door : jsonDoors()) {
            for (var body : Map.of("objects", objects, "arrays", arrays).entrySet()) {
                Api.Response r = check(
                        door.name(),
                        Map.entry("nested-" + body.getKey() + "-10k", body.getValue()),
                        () -> RawHttp.send(
                                baseUrl(),
                                door.method(),
                                door.path(),
                                door.user(),
                                "application/json",
                                body.getValue().getBytes(StandardCharsets.UTF_8)));
                expectRefused(door.name(), "nested-" + body.getKey() + "-10k", r);
            }
        }
        sentAtLeast("deeply nested JSON", before, jsonDoors().size() * 2);
    }

    @Test
    @Order(9)
    void invalidUtf8IsRefused() {
        byte[] invalid = utf8Mix(
                "{\"explanation\":\"",
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "\",\"prompt\":\"x\",\"reason\":\"r\",\"title\":\"t\"}");
        int before = inputs.get();
        for (Door door : jsonDoors()) {
            Api.Response r = check(
                    door.name(),
                    Map.entry("invalid-utf8", "C3 28 FF FE ED A0 80"),
                    () -> RawHttp.send(
                            baseUrl(), door.method(), door.path(), door.user(), "application/json", invalid));
            expectRefused(door.name(), "invalid-utf8", r);
        }
        // form and path
        PageSession holder = PageSession.login(baseUrl(), "rightsholder-a");
        inputs.incrementAndGet();
        PageSession.Response form = holder.postForm(
                "/notices", List.of(Map.entry("_csrf", holder.csrfToken()), Map.entry("workTitle", "x\uFFFD")));
        inspect("POST /notices (form)", Map.entry("replacement-char", ""), form.status(), form.body(), true);
        Api.Response path = check(
                "GET /api/notices/{id} %FF",
                Map.entry("invalid-utf8-path", "%C3%28%FF"),
                () -> Api.as(baseUrl(), "rightsholder-a").get("/api/notices/%C3%28%FF"));
        assertThat(path.status()).isLessThan(500);
        sentAtLeast("invalid UTF-8", before, jsonDoors().size() + 2);
    }

    /** 1 MB in a free-text field: an intake that stores text must bound it (400 or 413), never 500. */
    @Test
    @Order(10)
    void oversizedStringsAreRefused() {
        String mb = "A".repeat(1024 * 1024);
        Map<String, Supplier<Api.Response>> attempts = new LinkedHashMap<>();
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        attempts.put(
                "POST /api/notices explanation",
                () -> holder.post(
                        "/api/notices",
                        notice("https://gen.example/corpus/big/" + UUID.randomUUID())
                                .put("explanation", mb)
                                .toString()));
        attempts.put("POST /api/notices works[0].title", () -> {
            ObjectNode n = notice("https://gen.example/corpus/big/" + UUID.randomUUID());
            set(n, "works.0.title", mb);
            return holder.post("/api/notices", n.toString());
        });
        attempts.put(
                "POST /api/works title",
                () -> holder.post(
                        "/api/works",
                        JSON.createObjectNode()
                                .put("title", mb)
                                .set("terms", JSON.createArrayNode().add("big-" + UUID.randomUUID()))
                                .toString()));
        attempts.put(
                "POST /api/tasks/{id}/decision reason",
                () -> Api.as(baseUrl(), "moderator")
                        .post(
                                "/api/tasks/" + taskId + "/decision",
                                JSON.createObjectNode()
                                        .put("outcome", "NOT-AN-OUTCOME")
                                        .put("reason", mb)
                                        .toString()));
        attempts.put(
                "POST /api/uploader/{token}/appeal explanation",
                () -> Api.anonymous(baseUrl())
                        .post(
                                "/api/uploader/" + counterCaseAppealToken + "/appeal",
                                JSON.createObjectNode()
                                        .put("grounds", "NOT_ILLEGAL")
                                        .put("explanation", mb)
                                        .toString()));
        attempts.put(
                "POST /api/screen/prompt prompt",
                () -> Api.as(baseUrl(), "platform")
                        .post(
                                "/api/screen/prompt",
                                JSON.createObjectNode().put("prompt", mb).toString()));
        List<String> accepted = new ArrayList<>();
        int before = inputs.get();
        attempts.forEach((where, request) -> {
            Api.Response r = check(where, Map.entry("oversized-1MB", "A×1048576"), request);
            if (r.status() != 400 && r.status() != 413) {
                accepted.add(where + " → " + r.status() + " " + excerpt(r.body()));
            }
        });
        sentAtLeast("oversized strings", before, attempts.size());
        notes.add("oversized 1 MB accepted by: " + accepted);
        assertThat(accepted).as("1 MB strings must be refused (400/413)").isEmpty();
    }

    /**
     * Formula prefixes typed by notifiers (notifier.type carried the csv-* payloads in
     * {@link #storedNoticesRenderOnlyEscaped()}) reach the transparency report's CSV only neutralised: no cell starts
     * with = + - @ tab or CR, and every formula a registered notice carries is there behind an apostrophe. Without
     * those cells the first check would pass on an export that holds no formula at all.
     */
    @Test
    @Order(11)
    void csvExportNeutralisesFormulas() {
        assertThat(storedFormulas)
                .as("formula payloads registered in notifier.type (" + notes + ")")
                .isNotEmpty();
        Api compliance = Api.as(baseUrl(), "compliance");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String path = "/api/audit/reports/transparency?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&format=csv";
        String[] csv = new String[1];
        try {
            org.awaitility.Awaitility.await().atMost(Cases.PATIENCE).until(() -> {
                Api.Response r = check(
                        "GET /api/audit/reports/transparency?format=csv",
                        Map.entry("csv", ""),
                        () -> compliance.get(path));
                csv[0] = r.status() == 200 ? r.body() : null;
                // notifier.type arrives upper-cased; claim.right_type is a vocabulary and refuses the payloads
                return csv[0] != null
                        && storedFormulas.stream()
                                .allMatch(f -> csv[0].toLowerCase(java.util.Locale.ROOT)
                                        .contains(f.toLowerCase(java.util.Locale.ROOT)));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            notes.add(
                    "csv export did not show " + storedFormulas + " within " + Cases.PATIENCE + ": " + excerpt(csv[0]));
        }
        assertThat(csv[0]).as("the transparency report as CSV").isNotNull();
        List<String> dangerous = new ArrayList<>();
        List<String> neutralised = new ArrayList<>();
        for (String line : csv[0].split("\r\n")) {
            for (String cell : cells(line)) {
                if (!cell.isEmpty() && FORMULA_PREFIXES.indexOf(cell.charAt(0)) >= 0) {
                    dangerous.add(line);
                }
                if (cell.startsWith("'")) {
                    storedFormulas.stream()
                            .filter(f -> f.equalsIgnoreCase(cell.substring(1)))
                            .forEach(neutralised::add);
                }
            }
        }
        notes.add("csv export: " + csv[0].split("\r\n").length + " lines, formula cells: " + dangerous.size()
                + ", neutralised: " + neutralised);
        assertThat(dangerous).as("CSV cells starting with a formula prefix").isEmpty();
        assertThat(neutralised)
                .as("every formula typed into a registered notice, exported behind an apostrophe: " + excerpt(csv[0]))
                .containsAll(storedFormulas);
    }

    /** RFC 4180 cells of one line. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    @Order(12)
    void textLongerThanItsColumnIsRefusedNot500() {
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        ObjectNode type = notice("https://gen.example/corpus/len/" + UUID.randomUUID());
        set(type, "targets.0.type", "T".repeat(41));
        assertThat(holder.post("/api/notices", type.toString()).status())
                .as("targets[0].type 41 chars")
                .isEqualTo(400);
        ObjectNode name = notice("https://gen.example/corpus/len/" + UUID.randomUUID());
        set(name, "notifier.legal_name", "N".repeat(501));
        assertThat(holder.post("/api/notices", name.toString()).status())
                .as("legal_name 501 chars")
                .isEqualTo(400);
        ObjectNode work = JSON.createObjectNode().put("title", "W".repeat(1001));
        work.putArray("terms").add("len-" + UUID.randomUUID());
        assertThat(holder.post("/api/works", work.toString()).status())
                .as("work title 1001 chars")
                .isEqualTo(400);
        Api moderator = Api.as(baseUrl(), "moderator");
        moderator.post("/api/tasks/" + taskId + "/claim", "");
        assertThat(moderator
                        .post(
                                "/api/tasks/" + taskId + "/decision",
                                JSON.createObjectNode()
                                        .put("outcome", "REJECT")
                                        .put("reason", "R".repeat(4001))
                                        .toString())
                        .status())
                .as("reason 4001 chars")
                .isEqualTo(400);
    }

    @Test
    @Order(13)
    void nulCharacterIsRefusedNot500() {
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        ObjectNode notice =
                notice("https://gen.example/corpus/nul/" + UUID.randomUUID()).put("explanation", "a\u0000b");
        assertThat(holder.post("/api/notices", notice.toString()).status()).isEqualTo(400);
        ObjectNode work = JSON.createObjectNode().put("title", "a\u0000b");
        work.putArray("terms").add("nul-" + UUID.randomUUID());
        assertThat(holder.post("/api/works", work.toString()).status()).isEqualTo(400);
        assertThat(Api.as(baseUrl(), "compliance")
                        .get("/api/measures?case_id=%00")
                        .status())
                .isLessThan(500);
    }

    @Test
    @Order(14)
    void camundaRestRefusesDeepJsonWithoutNamingExceptions() {
        int depth = 10_000;
        String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        Api.Response deep = RawHttp.send(
                baseUrl(),
                "POST",
                "/engine-rest/task",
                "admin",
                "application/json",
                nested.getBytes(StandardCharsets.UTF_8));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.body()).doesNotContainPattern(EXCEPTION_NAME);
        Api.Response utf8 =
                RawHttp.send(baseUrl(), "POST", "/engine-rest/task", "admin", "application/json", new byte[] {
                    '{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'
                });
        assertThat(utf8.status()).isEqualTo(400);
        assertThat(utf8.body()).doesNotContainPattern(EXCEPTION_NAME);
        // Camunda's own refusals (CamundaRestGuard rewrites them): problem+json, no exception type
        Api.Response wrongType = RawHttp.send(
                baseUrl(),
                "POST",
                "/engine-rest/task",
                "admin",
                "application/json",
                "{\"priority\":\"high\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        assertThat(wrongType.body()).doesNotContainPattern(EXCEPTION_NAME).doesNotContain("\"type\":\"Invalid");
        Api.Response unknown = RawHttp.send(baseUrl(), "GET", "/engine-rest/task/no-such-task", "admin");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContainPattern(EXCEPTION_NAME).contains("no-such-task");
        // and what is fine still works
        assertThat(RawHttp.send(
                                baseUrl(),
                                "POST",
                                "/engine-rest/task/count",
                                "admin",
                                "application/json",
                                "{\"nameLike\":\"%review%\"}".getBytes(StandardCharsets.UTF_8))
                        .body())
                .contains("\"count\"");
    }

    /**
     * Evidence uploads: every payload as the declared file name (stored, listed, sent back in Content-Disposition,
     * shown on the case page and the review screen), and as the case id and the hash in the paths.
     */
    @Test
    @Order(15)
    void evidenceFileNamesAndPaths() {
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        Api moderator = Api.as(baseUrl(), "moderator");
        PageSession holderPages = PageSession.login(baseUrl(), "rightsholder-a");
        PageSession moderatorPages = PageSession.login(baseUrl(), "moderator");
        List<String> caseIds = new ArrayList<>();
        String caseId = null;
        int onCase = 0;
        int files = 0;
        int before = inputs.get();
        for (var payload : PAYLOADS.entrySet()) {
            if (caseId == null || onCase == 15) {
                caseId = cases.file(
                        "rightsholder-a",
                        NoticeJson.complete("CN_CC_1195")
                                .account("acct-corpus-" + UUID.randomUUID())
                                .json());
                caseIds.add(caseId);
                onCase = 0;
            }
            String path = "/api/cases/" + caseId + "/evidence";
            byte[] content =
                    ("evidence " + payload.getKey() + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            Api.Response stored = check(
                    "POST /api/cases/{id}/evidence filename",
                    payload,
                    () -> holder.postMultipart(path, List.of(new Api.Part("file", payload.getValue(), content))));
            if (stored.status() != 201) {
                notes.add("evidence name " + payload.getKey() + ": refused (" + stored.status() + ")");
                continue;
            }
            onCase++;
            files++;
            String sha = stored.json().get(0).get("sha256").asText();
            String shown = stored.json().get(0).get("display_name").asText();
            assertThat(shown).as(payload.getKey()).doesNotContain("\"", "/", "\\", "\r", "\n", "\u0000", "\u202E");
            check("GET /api/cases/{id}/evidence", payload, () -> holder.get(path));
            Api.Response download =
                    check("GET /api/cases/{id}/evidence/{sha}", payload, () -> moderator.get(path + "/" + sha));
            assertThat(download.status()).as(payload.getKey()).isEqualTo(200);
            String seg = segment(payload.getValue());
            check("GET /api/cases/{id}/evidence/{sha} (payload)", payload, () -> holder.get(path + "/" + seg));
            check("GET /api/cases/{payload}/evidence", payload, () -> holder.get("/api/cases/" + seg + "/evidence"));
            page(
                    "GET /notices/{id}/evidence/{payload}",
                    payload,
                    holderPages,
                    "/notices/" + caseId + "/evidence/" + seg);
        }
        for (String id : caseIds) {
            page("GET /notices/{id} (evidence names)", Map.entry("all", ""), holderPages, "/notices/" + id);
            String task = NoticeLifecycleIT.awaitTask(moderator, id);
            page("GET /tasks/{id} (evidence names)", Map.entry("all", ""), moderatorPages, "/tasks/" + task);
        }
        // an upload per payload, five reads per stored file, the case page and the review screen per case
        sentAtLeast("evidence file names", before, PAYLOADS.size() + 5 * files + 2 * caseIds.size());
        assertThat(files).as("evidence files stored under hostile names").isPositive();
    }

    // ---------------------------------------------------------------- the verdict

    @Test
    @Order(20)
    void noServerErrorNoLeakNoEvaluationNoActiveMarkup() {
        assertThat(CORPUS).as("corpus payloads").hasSizeGreaterThanOrEqualTo(CORPUS_FLOOR);
        assertThat(PAYLOADS).as("payloads every sweep sends").hasSizeGreaterThanOrEqualTo(SAMPLE_FLOOR);
        assertThat(sent.keySet()).as("sections that reported what they sent").hasSize(SECTIONS);
        int floor = sent.values().stream().mapToInt(Map.Entry::getValue).sum();
        assertThat(inputs.get())
                .as("inputs tried across the sections")
                .isGreaterThanOrEqualTo(floor)
                .isGreaterThanOrEqualTo(INPUTS_FLOOR);
        assertThat(Files.exists(CANARY))
                .as("canary " + CANARY + " created: an expression was evaluated")
                .isFalse();
        assertThat(evaluations).as("evaluations").isEmpty();
        assertThat(serverErrors).as("HTTP 500s").isEmpty();
        assertThat(leaks).as("stack traces or exception class names in bodies").isEmpty();
        assertThat(activeMarkup).as("active markup from input on pages").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** The sections that call {@link #sentAtLeast}: the verdict fails when one of them did not get that far. */
    private static final int SECTIONS = 12;

    /** Records what a section sent, and fails it when its loops sent fewer inputs than its corpus and fields call for. */
    private void sentAtLeast(String section, int before, int floor) {
        int sentHere = inputs.get() - before;
        sent.put(section, Map.entry(sentHere, floor));
        assertThat(floor).as(section + ": inputs required").isPositive();
        assertThat(sentHere).as(section + ": inputs sent").isGreaterThanOrEqualTo(floor);
    }

    private Api.Response check(String where, Map.Entry<String, String> payload, Supplier<Api.Response> request) {
        inputs.incrementAndGet();
        Api.Response r;
        try {
            r = request.get();
        } catch (UncheckedIOException e) {
            serverErrors.add(where + " | " + payload.getKey() + " | connection failed: " + e.getMessage());
            return new Api.Response(599, "", "", null, null);
        }
        inspect(where, payload, r.status(), r.body(), r.contentType().startsWith("text/html"));
        return r;
    }

    private void page(String where, Map.Entry<String, String> payload, PageSession session, String path) {
        inputs.incrementAndGet();
        PageSession.Response r = session.get(path);
        inspect(where, payload, r.status(), r.body(), r.contentType().startsWith("text/html"));
    }

    private void inspect(String where, Map.Entry<String, String> payload, int status, String body, boolean html) {
        String cell = where + " | " + payload.getKey();
        String detail = cell + " | " + status + " | " + excerpt(body);
        if (status >= 500) {
            serverErrors.add(detail);
        }
        if (body == null) {
            return;
        }
        if (EXCEPTION_NAME.matcher(body).find() || STACK_FRAME.matcher(body).find()) {
            leaks.add(detail + " | "
                    + EXCEPTION_NAME
                            .matcher(body)
                            .results()
                            .map(m -> m.group())
                            .distinct()
                            .toList());
        }
        for (String marker : EVALUATION_MARKERS) {
            if (body.contains(marker)) {
                evaluations.add(cell + " | produced '" + marker + "'");
            }
        }
        if (html && ACTIVE_MARKUP.matcher(body).find()) {
            activeMarkup.add(detail);
        }
    }

    private void expectRefused(String where, String input, Api.Response r) {
        assertThat(r.status())
                .as(where + " | " + input + ": " + excerpt(r.body()))
                .isIn(400, 404, 409, 413, 415);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static ObjectNode notice(String target) {
        ObjectNode notice = (ObjectNode)
                read(NoticeJson.complete("CN_CC_1195").account("acct-corpus").json());
        ((ObjectNode) notice.get("targets").get(0)).put("url", target);
        return notice;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a string at a dotted path ("works.0.title"), creating objects and arrays on the way. */
    private static void set(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            boolean nextIsIndex = parts[i + 1].matches("\\d+");
            if (node instanceof ObjectNode object) {
                JsonNode child = object.get(part);
                if (child == null || child.isNull() || !child.isContainerNode()) {
                    child = nextIsIndex ? object.putArray(part) : object.putObject(part);
                }
                node = child;
            } else if (node instanceof ArrayNode array) {
                int index = Integer.parseInt(part);
                while (array.size() <= index) {
                    if (nextIsIndex) {
                        array.addArray();
                    } else {
                        array.addObject();
                    }
                }
                node = array.get(index);
            }
        }
        String last = parts[parts.length - 1];
        if (node instanceof ObjectNode object) {
            object.put(last, value);
        } else if (node instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            while (array.size() <= index) {
                array.add("");
            }
            array.set(index, JSON.getNodeFactory().textNode(value));
        }
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8Mix(String before, byte[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Cases.PATIENCE).until(condition);
    }
}
