package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.testing.FakeOidcProvider;
import dev.takedown.testing.NoticeJson;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every door against every role and every kind of credential. The expectation table below is written by hand from the
 * intended access rules; every Spring MVC handler of the application must have an entry, so a new endpoint fails this
 * test until someone decides who may use it. Camunda's REST API and webapps (Jersey and servlet filters, not MVC
 * handlers) and the default-deny are covered by extra entries.
 *
 * <p>The columns are principals: each role with its password (HTTP Basic on the API, a form sign-in on the pages),
 * and rights holders, a platform service and staff with the other credentials the application takes: an API key an
 * administrator issued, a bearer token of the OIDC issuer, a page session signed in through that issuer. A credential
 * counts only at the doors of its filter chain (keys and bearer tokens on {@code /api/**} and {@code /engine-rest/**},
 * sessions on the pages); elsewhere its holder must be treated as anonymous, which is a cell of its own.
 *
 * <p>Each cell sends one real HTTP request with concrete path variables (real fixtures) and asserts: allowed roles get
 * a success (2xx, or a page's redirect elsewhere than /login) or exactly the answer the row documents with
 * {@code expect(…)} and its reason (bodies are made to fail validation so the matrix does not change its fixtures: a
 * 404 or 415 where the row says 400 fails), forbidden roles get 401 (anonymous, API), 403 (authenticated) or a
 * redirect to /login (anonymous, pages). Tenant rules: every OWN_ORGANISATION entry is sent for a resource of org-a
 * and for one of org-b in the same state; the owner's rights holders get the row's answer (never a 404), the other
 * organisation's get 404, staff get the row's answer on both. On TOKEN entries the signed link opens the door for
 * anyone and a forged link is a 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends StackTest {

    /**
     * Cells checked at least (2,376 when this was set): ~170 entries × 9 password principals and the other credentials
     * where they count, OWN_ORGANISATION entries again for org-b's resources, forged links; fewer means entries or
     * principals went missing.
     */
    private static final int FLOOR = 2350;

    enum Role {
        ANONYMOUS(null, null),
        RIGHTS_HOLDER_A("rightsholder-a", "org-a"),
        RIGHTS_HOLDER_B("rightsholder-b", "org-b"),
        MODERATOR("moderator", null),
        SENIOR_MODERATOR("senior", null),
        COMPLIANCE_OFFICER("compliance", null),
        ADMIN("admin", null),
        PLATFORM_SERVICE("platform", null),
        MONITORING("monitoring", null);

        /** The demo account, signing in with its password. */
        final String user;
        /** The rights holder's organisation, which owns the OWN_ORGANISATION resources it filed. */
        final String organisation;

        Role(String user, String organisation) {
            this.user = user;
            this.organisation = organisation;
        }

        /** The role as the issuer's tokens name it. */
        String claim() {
            return switch (this) {
                case RIGHTS_HOLDER_A, RIGHTS_HOLDER_B -> "RIGHTS_HOLDER";
                default -> name();
            };
        }
    }

    /** How a caller proves who it is; each credential counts only on the doors of its filter chain. */
    enum Credential {
        NONE,
        /** The demo password: HTTP Basic on the API and the metrics, the sign-in form on the pages. */
        PASSWORD,
        /** {@code X-Api-Key} as an administrator issued it: the API chain only. */
        API_KEY,
        /** {@code Authorization: Bearer}, an access token of the OIDC issuer: the API chain only. */
        BEARER,
        /** A page session signed in through the OIDC issuer: the pages only (the API is stateless). */
        OIDC_SESSION;

        boolean reaches(String path) {
            boolean apiChain = path.startsWith("/api/") || path.startsWith("/engine-rest/");
            return switch (this) {
                case NONE -> false;
                case PASSWORD -> true;
                case API_KEY, BEARER -> apiChain;
                case OIDC_SESSION -> !apiChain && !path.startsWith("/actuator/prometheus");
            };
        }
    }

    /** A column of the matrix: a role and the credential it shows. */
    record Principal(String name, Role role, Credential credential) {

        /** Whom the application sees at this door: the role where the credential counts, else nobody. */
        Role at(String path) {
            return credential.reaches(path) ? role : Role.ANONYMOUS;
        }
    }

    static final List<Principal> PRINCIPALS = principals();

    private static List<Principal> principals() {
        List<Principal> principals = new ArrayList<>();
        for (Role role : Role.values()) {
            principals.add(new Principal(
                    role.user == null ? "anonymous" : role.user,
                    role,
                    role == Role.ANONYMOUS ? Credential.NONE : Credential.PASSWORD));
        }
        // a rights holder (org-a: on org-b's resources it is the other tenant), staff and the platform with the other
        // credentials; the keys an administrator issues are for rights holders' portals and the platform only
        principals.add(new Principal("key-a", Role.RIGHTS_HOLDER_A, Credential.API_KEY));
        principals.add(new Principal("key-platform", Role.PLATFORM_SERVICE, Credential.API_KEY));
        principals.add(new Principal("jwt-a", Role.RIGHTS_HOLDER_A, Credential.BEARER));
        principals.add(new Principal("jwt-moderator", Role.MODERATOR, Credential.BEARER));
        principals.add(new Principal("oidc-a", Role.RIGHTS_HOLDER_A, Credential.OIDC_SESSION));
        principals.add(new Principal("oidc-admin", Role.ADMIN, Credential.OIDC_SESSION));
        return List.copyOf(principals);
    }

    /**
     * One principal per credential tries it at the doors where it does not count (and must be anonymous there); the
     * others of the same credential, which would only repeat that answer, skip those doors.
     */
    private static final Set<Principal> STRANGERS = strangers();

    private static Set<Principal> strangers() {
        Map<Credential, Principal> first = new EnumMap<>(Credential.class);
        PRINCIPALS.forEach(p -> first.putIfAbsent(p.credential(), p));
        return Set.copyOf(first.values());
    }

    /** Who tries forged, tampered and re-targeted links on the TOKEN entries. */
    private static final Set<String> FORGERS = Set.of("anonymous", "rightsholder-a");

    /** The organisations whose resources OWN_ORGANISATION entries are sent for. */
    private static final List<String> OWNERS = List.of("org-a", "org-b");

    enum Tenant {
        NONE,
        OWN_ORGANISATION,
        TOKEN
    }

    enum Door {
        API,
        PAGE
    }

    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> AUTHENTICATED = EnumSet.complementOf(EnumSet.of(Role.ANONYMOUS));
    private static final Set<Role> RIGHTS_HOLDERS = EnumSet.of(Role.RIGHTS_HOLDER_A, Role.RIGHTS_HOLDER_B);
    private static final Set<Role> STAFF =
            EnumSet.of(Role.MODERATOR, Role.SENIOR_MODERATOR, Role.COMPLIANCE_OFFICER, Role.ADMIN);
    private static final Set<Role> READERS = union(RIGHTS_HOLDERS, STAFF);
    private static final Set<Role> MODERATORS = EnumSet.of(Role.MODERATOR, Role.SENIOR_MODERATOR);
    /** Moderators' queues and the compliance officers' (overdue restores) through the same task API and pages. */
    private static final Set<Role> TASK_WORKERS =
            EnumSet.of(Role.MODERATOR, Role.SENIOR_MODERATOR, Role.COMPLIANCE_OFFICER);

    private static final Set<Role> AUDITORS = EnumSet.of(Role.COMPLIANCE_OFFICER, Role.ADMIN);
    private static final Set<Role> SCREENING_CLIENTS = EnumSet.of(Role.PLATFORM_SERVICE, Role.ADMIN);
    private static final Set<Role> PLATFORM = EnumSet.of(Role.PLATFORM_SERVICE);
    private static final Set<Role> REMEDIATION_READERS = union(PLATFORM, STAFF);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> SENIOR = EnumSet.of(Role.SENIOR_MODERATOR);
    private static final Set<Role> COMPLIANCE = EnumSet.of(Role.COMPLIANCE_OFFICER);
    private static final Set<Role> PROCEEDINGS_RECORDERS = EnumSet.of(Role.SENIOR_MODERATOR, Role.COMPLIANCE_OFFICER);

    /** Which fixture a {@code {caseId}} stands for. */
    enum CaseFixture {
        ACCEPTED,
        IN_REVIEW,
        UNKNOWN
    }

    /**
     * One row of the table.
     *
     * @param mvc      false for doors that are not Spring MVC handlers (Camunda, actuator, the default deny)
     * @param body     JSON for the API, form fields for pages ({@code null}: no body)
     * @param expected what an allowed caller gets on these fixtures when it is not a success (2xx, or a page's
     *                 redirect elsewhere than /login): the row's comment says why; empty: success only
     */
    record Entry(
            String method,
            String pattern,
            Door door,
            Set<Role> allowed,
            Tenant tenant,
            String body,
            CaseFixture caseFixture,
            boolean mvc,
            String query,
            Set<Integer> expected) {

        String key() {
            return method + " " + pattern;
        }

        Entry on(CaseFixture fixture) {
            return new Entry(method, pattern, door, allowed, tenant, body, fixture, mvc, query, expected);
        }

        Entry query(String q) {
            return new Entry(method, pattern, door, allowed, tenant, body, caseFixture, mvc, q, expected);
        }

        Entry notMvc() {
            return new Entry(method, pattern, door, allowed, tenant, body, caseFixture, false, query, expected);
        }

        /** The documented answer of the allowed callers on these fixtures (a body that fails validation, say). */
        Entry expect(Integer... statuses) {
            return new Entry(method, pattern, door, allowed, tenant, body, caseFixture, mvc, query, Set.of(statuses));
        }

        boolean answered(Outcome outcome) {
            if (!expected.isEmpty()) {
                return expected.contains(outcome.status);
            }
            return (outcome.status >= 200 && outcome.status < 300)
                    || (door == Door.PAGE && outcome.status >= 300 && outcome.status < 400 && !outcome.toLogin);
        }
    }

    private static Entry api(String method, String pattern, Set<Role> allowed, Tenant tenant, String body) {
        return new Entry(method, pattern, Door.API, allowed, tenant, body, CaseFixture.ACCEPTED, true, "", Set.of());
    }

    private static Entry page(String method, String pattern, Set<Role> allowed, Tenant tenant) {
        return new Entry(method, pattern, Door.PAGE, allowed, tenant, null, CaseFixture.ACCEPTED, true, "", Set.of());
    }

    /**
     * The intended access rules, by hand (mirrors SecurityConfiguration and the tenancy rules of Caller; change both
     * together). Bodies fail validation where a valid one would change the fixture.
     */
    static final List<Entry> TABLE = List.of(
            // notices API
            api("POST", "/api/notices", RIGHTS_HOLDERS, Tenant.NONE, "{}").expect(400) /* {} is no notice */,
            api("GET", "/api/notices", READERS, Tenant.NONE, null),
            api("GET", "/api/notices/{caseId}", READERS, Tenant.OWN_ORGANISATION, null),
            api("GET", "/api/notices/{caseId}/deadlines", READERS, Tenant.OWN_ORGANISATION, null),
            api("GET", "/api/notices/{caseId}/letters", READERS, Tenant.OWN_ORGANISATION, null),
            // cure: the accepted case is not waiting for completion → 409 for its owner, 404 for the other org
            api("PUT", "/api/notices/{caseId}", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION, "{}")
                    .expect(409),
            // a valid proof: the owner gets 409 (no counter-notice forwarded), the other org 404
            api(
                            "POST",
                            "/api/notices/{caseId}/legal-action-proof",
                            RIGHTS_HOLDERS,
                            Tenant.OWN_ORGANISATION,
                            "{\"kind\":\"LAWSUIT\",\"reference\":\"matrix\"}")
                    .expect(409),
            // staff record how proceedings ended: the accepted case keeps no measure pending proceedings → 409
            api(
                            "POST",
                            "/api/notices/{caseId}/proceedings-outcome",
                            PROCEEDINGS_RECORDERS,
                            Tenant.NONE,
                            "{\"outcome\":\"UPHELD\",\"reference\":\"matrix\"}")
                    .expect(409),
            // on the case still in review: nothing to retract → 409 for its owner
            api("POST", "/api/notices/{caseId}/retraction", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION, "")
                    .expect(409)
                    .on(CaseFixture.IN_REVIEW),
            api("POST", "/api/notices/{caseId}/appeal", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION, "{}")
                    .expect(400) /* {} names no grounds */,
            api("GET", "/api/notices/{caseId}/notifications", STAFF, Tenant.NONE, null),
            // withdrawing the uploader's links: no reason → 400, the links stay
            api(
                            "POST",
                            "/api/notices/{caseId}/uploader-links/revocation",
                            EnumSet.of(Role.MODERATOR, Role.SENIOR_MODERATOR, Role.COMPLIANCE_OFFICER),
                            Tenant.NONE,
                            "{}")
                    .expect(400),
            // bulk targets take CSV: this JSON body is refused (415) before tenancy is checked (BulkTargetsIT does)
            api("POST", "/api/notices/{caseId}/targets", RIGHTS_HOLDERS, Tenant.NONE, "{}")
                    .expect(415),
            // AIGC (issue 11): label checks take an image (this JSON is refused with 415); risk warnings
            api("POST", "/api/notices/{caseId}/targets/{index}/label-check", MODERATORS, Tenant.NONE, "{}")
                    .expect(415),
            api("GET", "/api/notices/{caseId}/risk-warnings", STAFF, Tenant.NONE, null),
            api("POST", "/api/risk-warnings", EnumSet.of(Role.PLATFORM_SERVICE), Tenant.NONE, "{}")
                    .expect(400) /* {} is no acknowledgement */,
            api("POST", "/api/aigc/unlabelled-outputs", EnumSet.of(Role.PLATFORM_SERVICE), Tenant.NONE, "{}")
                    .expect(400) /* {} names no output */,
            // evidence files: a JSON body is no multipart upload → 400 for the owner, 404 for the other organisation
            api("POST", "/api/cases/{caseId}/evidence", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION, "{}")
                    .expect(400),
            api("GET", "/api/cases/{caseId}/evidence", READERS, Tenant.OWN_ORGANISATION, null),
            api("GET", "/api/cases/{caseId}/evidence/{sha256}", READERS, Tenant.OWN_ORGANISATION, null),
            // uploader: the signed link is the credential, whoever else the caller is; each action takes the link of
            // its purpose (the letter's link reads, the page offers the others)
            api("GET", "/api/uploader/{token}", EVERYONE, Tenant.TOKEN, null),
            api("POST", "/api/uploader/{token}/counter-notice", EVERYONE, Tenant.TOKEN, "{}")
                    .expect(400) /* {} is no counter-notice */,
            api("POST", "/api/uploader/{token}/appeal", EVERYONE, Tenant.TOKEN, "{}")
                    .expect(400) /* {} names no grounds */,
            // moderation
            // letters that did not arrive: moderators resend them or record another route
            api("GET", "/api/letters/undelivered", MODERATORS, Tenant.NONE, null),
            api("POST", "/api/letters/{letterId}/resend", MODERATORS, Tenant.NONE, "{}")
                    .expect(400) /* {} names no address */,
            api("POST", "/api/letters/{letterId}/delivery", MODERATORS, Tenant.NONE, "{}")
                    .expect(400) /* {} names no route */,
            api("GET", "/api/tasks", TASK_WORKERS, Tenant.NONE, null).query("?sort=due&min_priority=0"),
            // the fixture is a moderators' task: in no compliance officer's queue → 404 for them
            api("GET", "/api/tasks/{taskId}", TASK_WORKERS, Tenant.NONE, null).expect(200, 404),
            api("POST", "/api/tasks/{taskId}/claim", TASK_WORKERS, Tenant.NONE, "")
                    .expect(
                            200, 409,
                            404) /* the first moderator claims it, the second finds it claimed; compliance: 404 */,
            api("POST", "/api/tasks/{taskId}/decision", TASK_WORKERS, Tenant.NONE, "{}")
                    .expect(400, 404) /* {} is no decision; compliance: 404 */,
            // no reason: 400, the task stays where it is
            api("POST", "/api/tasks/{taskId}/escalate", TASK_WORKERS, Tenant.NONE, "{}")
                    .expect(400),
            api("POST", "/api/tasks/{taskId}/resolution", TASK_WORKERS, Tenant.NONE, "{}")
                    .expect(400) /* {} is no resolution */,
            // out-of-court settlement (DSA Art. 21): compliance records referrals, outcomes and implementation
            api("GET", "/api/notices/{caseId}/out-of-court-referrals", COMPLIANCE, Tenant.NONE, null),
            api("POST", "/api/notices/{caseId}/out-of-court-referrals", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(400) /* {} names no body */,
            api("POST", "/api/out-of-court-referrals/{id}/outcome", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(400) /* {} names no outcome */,
            api("POST", "/api/out-of-court-referrals/{id}/implementation", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(404) /* no such referral */,
            api("POST", "/api/tasks/{taskId}/criminal-offence", TASK_WORKERS, Tenant.NONE, "{}")
                    .expect(400) /* {} gives no reason */,
            // the fixture is a moderators' review, no criminal-offence task: no authority to show
            api("GET", "/api/tasks/{taskId}/authority", TASK_WORKERS, Tenant.NONE, null)
                    .expect(404),
            api("POST", "/api/tasks/{taskId}/authority-notification", TASK_WORKERS, Tenant.NONE, "{}")
                    .expect(400) /* {} gives no reference */,
            // protected works
            api("POST", "/api/works", RIGHTS_HOLDERS, Tenant.NONE, "{}").expect(400) /* {} is no work */,
            api("GET", "/api/works", RIGHTS_HOLDERS, Tenant.NONE, null),
            api("GET", "/api/works/{workId}", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION, null),
            // measures
            api("GET", "/api/measures", STAFF, Tenant.NONE, null).query("?case_id={caseId}"),
            api("GET", "/api/measures/{measureId}", STAFF, Tenant.NONE, null),
            api("POST", "/api/measures/{measureId}/lift", SENIOR, Tenant.NONE, "{}")
                    .expect(400) /* {} gives no reason */,
            // audit
            api("GET", "/api/audit/cases/{caseId}", AUDITORS, Tenant.NONE, null),
            api("GET", "/api/audit/cases/{caseId}/bundle", AUDITORS, Tenant.NONE, null),
            api("GET", "/api/audit/verify", AUDITORS, Tenant.NONE, null),
            api("GET", "/api/audit/cases", AUDITORS, Tenant.NONE, null).query("?notifier=Studio"),
            api("GET", "/api/audit/reports/transparency", AUDITORS, Tenant.NONE, null)
                    .query("?from=2026-01-01&to=2026-01-31"),
            api("GET", "/api/audit/reports/sla", AUDITORS, Tenant.NONE, null).query("?from=2026-01-01&to=2026-01-31"),
            api("GET", "/api/audit/legal-holds", AUDITORS, Tenant.NONE, null),
            // on a case without ledger records: 404 for whoever may place or release holds, nothing changes
            api("POST", "/api/audit/cases/{caseId}/legal-hold", ADMIN, Tenant.NONE, "{\"reason\":\"matrix\"}")
                    .expect(404)
                    .on(CaseFixture.UNKNOWN),
            api("DELETE", "/api/audit/cases/{caseId}/legal-hold", ADMIN, Tenant.NONE, null)
                    .expect(404)
                    .on(CaseFixture.UNKNOWN),
            api("GET", "/api/audit/retention", AUDITORS, Tenant.NONE, null),
            // the E-Commerce Law Art. 44 disclosure feed is public by design (no personal data)
            api("GET", "/api/public/disclosures", EVERYONE, Tenant.NONE, null),
            // the published response times and their earlier versions, public like the complaint page
            api("GET", "/api/response-times", EVERYONE, Tenant.NONE, null),
            // the DMCA designated agent (17 U.S.C. 512(c)(2)), public like the complaint page that shows it
            api("GET", "/api/designated-agent", EVERYONE, Tenant.NONE, null),
            // API keys (issue 7): administrators only; {} is refused, an unknown key id is a 404
            api("POST", "/api/admin/api-keys", ADMIN, Tenant.NONE, "{}").expect(400),
            api("GET", "/api/admin/api-keys", ADMIN, Tenant.NONE, null),
            api("POST", "/api/admin/api-keys/{keyId}/revocation", ADMIN, Tenant.NONE, "")
                    .expect(404),
            // the local stack's reference platform (local profile): its mode, switched by administrators only; {} names
            // no mode and is refused, so the platform keeps answering
            api("GET", "/api/admin/reference-platform", ADMIN, Tenant.NONE, null),
            api("PUT", "/api/admin/reference-platform", ADMIN, Tenant.NONE, "{}")
                    .expect(400),
            // screening
            api("GET", "/api/screening/url", STAFF, Tenant.NONE, null).query("?url=https%3A%2F%2Fmatrix.test%2Fx"),
            api("GET", "/api/screen/status", SCREENING_CLIENTS, Tenant.NONE, null),
            api("POST", "/api/screen/prompt", SCREENING_CLIENTS, Tenant.NONE, "{}")
                    .expect(400) /* {} holds no prompt */,
            api("POST", "/api/screen/prompts", SCREENING_CLIENTS, Tenant.NONE, "[]")
                    .expect(400) /* [] holds no prompt */,
            api("POST", "/api/screen/image", SCREENING_CLIENTS, Tenant.NONE, "{}")
                    .expect(400) /* {} is no image */,
            api("POST", "/api/screen/images", SCREENING_CLIENTS, Tenant.NONE, "[]")
                    .expect(400) /* [] holds no image */,
            api("POST", "/api/screen/file", SCREENING_CLIENTS, Tenant.NONE, "{}")
                    .expect(400) /* {} is no file */,
            // model remediation: the model owners' platform credentials and staff read (which owner sees which
            // remediation is RemediationsModuleTest's), only owners change, moderators decide widenings (an unknown
            // remediation → 404); the report for compliance (the accepted fixture has no remediation → 404)
            api("GET", "/api/remediations", REMEDIATION_READERS, Tenant.NONE, null),
            api("GET", "/api/remediations/{remediationId}", REMEDIATION_READERS, Tenant.NONE, null)
                    .expect(404),
            api("POST", "/api/remediations/{remediationId}/changes", PLATFORM, Tenant.NONE, "{}")
                    .expect(404),
            api("POST", "/api/remediations/{remediationId}/widening", MODERATORS, Tenant.NONE, "{}")
                    .expect(404),
            api("GET", "/api/cases/{caseId}/remediation/report", AUDITORS, Tenant.NONE, null)
                    .expect(404),
            // DSA Art. 23 standing: staff read, compliance lifts a suspension early (an unknown one → 400 or 404)
            api("GET", "/api/standings", STAFF, Tenant.NONE, null),
            api("GET", "/api/standings/party", STAFF, Tenant.NONE, null).query("?kind=NOTIFIER&id=org-a"),
            api("POST", "/api/standings/suspensions/{changeId}/lift", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(400),
            // registries of trusted flaggers and competent authorities: staff read, compliance keeps them
            api("GET", "/api/registries/trusted-flaggers", STAFF, Tenant.NONE, null),
            api("GET", "/api/registries/trusted-flaggers/{id}", STAFF, Tenant.NONE, null)
                    .expect(404) /* no such entry */,
            api("POST", "/api/registries/trusted-flaggers", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(400) /* {} is no entry */,
            api("PUT", "/api/registries/trusted-flaggers/{id}", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(404) /* no such entry */,
            api("POST", "/api/registries/trusted-flaggers/{id}/revocation", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(404) /* no such entry */,
            api("GET", "/api/registries/authorities", STAFF, Tenant.NONE, null),
            api("GET", "/api/registries/authorities/{id}", STAFF, Tenant.NONE, null)
                    .expect(404) /* no such entry */,
            api("POST", "/api/registries/authorities", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(400) /* {} is no entry */,
            api("PUT", "/api/registries/authorities/{id}", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(404) /* no such entry */,
            api("POST", "/api/registries/authorities/{id}/revocation", COMPLIANCE, Tenant.NONE, "{}")
                    .expect(404) /* no such entry */,
            // pages
            page("GET", "/login", EVERYONE, Tenant.NONE),
            page("GET", "/", AUTHENTICATED, Tenant.NONE),
            page("GET", "/notices", READERS, Tenant.NONE),
            page("GET", "/notices/new", RIGHTS_HOLDERS, Tenant.NONE),
            page("POST", "/notices", RIGHTS_HOLDERS, Tenant.NONE),
            page("GET", "/notices/{caseId}", READERS, Tenant.OWN_ORGANISATION),
            page("GET", "/notices/{caseId}/evidence/{sha256}", READERS, Tenant.OWN_ORGANISATION),
            page("GET", "/complaints", EVERYONE, Tenant.NONE),
            page("POST", "/complaints", EVERYONE, Tenant.NONE),
            page("GET", "/complaints/received", EVERYONE, Tenant.NONE),
            // a logged-out notifier's confirmation link: anyone; a link that is not one is a 404 page
            page("GET", "/complaints/confirm/{token}", EVERYONE, Tenant.NONE),
            page("POST", "/complaints/confirm/{token}", EVERYONE, Tenant.NONE).expect(404),
            // a letter's signed link (its opening is the receipt): anyone; a link that is not one is a 404 page
            page("GET", "/l/{token}", EVERYONE, Tenant.NONE).expect(404) /* the fixture is no letter's link */,
            // the local stack's mailbox page (local profile only)
            page("GET", "/mailbox", EVERYONE, Tenant.NONE).expect(404) /* the shared test stack has no mailbox page */,
            page("GET", "/u/{token}", EVERYONE, Tenant.TOKEN),
            page("POST", "/u/{token}/counter-notice", EVERYONE, Tenant.TOKEN),
            page("POST", "/u/{token}/appeal", EVERYONE, Tenant.TOKEN),
            // a logged-out notifier's signed link: anyone; the fixture is an uploader's link, which opens no case here
            page("GET", "/n/{token}", EVERYONE, Tenant.NONE).expect(404) /* an uploader's link is no notifier's */,
            page("POST", "/n/{token}/appeal", EVERYONE, Tenant.NONE).expect(404) /* as above */,
            page("GET", "/works", RIGHTS_HOLDERS, Tenant.NONE),
            page("GET", "/works/new", RIGHTS_HOLDERS, Tenant.NONE),
            page("POST", "/works", RIGHTS_HOLDERS, Tenant.NONE),
            page("POST", "/notices/{caseId}/retraction", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION)
                    .on(CaseFixture.IN_REVIEW),
            page("POST", "/notices/{caseId}/legal-action-proof", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION),
            page("POST", "/notices/{caseId}/proceedings-outcome", PROCEEDINGS_RECORDERS, Tenant.NONE),
            page("POST", "/notices/{caseId}/appeal", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION),
            page("POST", "/tasks/claim-next", TASK_WORKERS, Tenant.NONE),
            page("POST", "/tasks/bulk-decision", TASK_WORKERS, Tenant.NONE),
            page("GET", "/letters", MODERATORS, Tenant.NONE),
            page("POST", "/letters/{letterId}/resend", MODERATORS, Tenant.NONE).expect(404) /* no such letter */,
            page("POST", "/letters/{letterId}/delivery", MODERATORS, Tenant.NONE),
            page("GET", "/tasks", TASK_WORKERS, Tenant.NONE),
            page("GET", "/tasks/{taskId}", TASK_WORKERS, Tenant.NONE)
                    .expect(200, 302, 404) /* compliance: not in its queues */,
            page("POST", "/tasks/{taskId}/claim", TASK_WORKERS, Tenant.NONE)
                    .expect(200, 302, 404) /* compliance: not in its queues */,
            page("POST", "/tasks/{taskId}/decision", TASK_WORKERS, Tenant.NONE)
                    .expect(200, 302, 404) /* compliance: not in its queues */,
            page("POST", "/tasks/{taskId}/escalate", TASK_WORKERS, Tenant.NONE),
            page("POST", "/tasks/{taskId}/resolution", TASK_WORKERS, Tenant.NONE),
            page("POST", "/tasks/{taskId}/criminal-offence", TASK_WORKERS, Tenant.NONE),
            page("POST", "/tasks/{taskId}/authority-notification", TASK_WORKERS, Tenant.NONE),
            page("GET", "/tasks/queues", TASK_WORKERS, Tenant.NONE),
            // bulk targets: no file → inline problem; an unknown upload id → 404 for the case's own organisation
            page("GET", "/notices/{caseId}/targets", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION),
            page("POST", "/notices/{caseId}/targets", RIGHTS_HOLDERS, Tenant.OWN_ORGANISATION),
            page("GET", "/notices/{caseId}/targets/{uploadId}", RIGHTS_HOLDERS, Tenant.NONE)
                    .expect(404) /* no such upload */,
            page("GET", "/notices/{caseId}/targets/{uploadId}/progress", RIGHTS_HOLDERS, Tenant.NONE)
                    .expect(404) /* no such upload */,
            page("GET", "/notices/{caseId}/targets/{uploadId}/errors.csv", RIGHTS_HOLDERS, Tenant.NONE)
                    .expect(404) /* no such upload */,
            page("GET", "/audit", AUDITORS, Tenant.NONE),
            page("GET", "/audit/cases/{caseId}", AUDITORS, Tenant.NONE),
            page("GET", "/audit/cases/{caseId}/bundle", AUDITORS, Tenant.NONE),
            page("GET", "/audit/sla", AUDITORS, Tenant.NONE),
            page("GET", "/audit/reports/transparency", AUDITORS, Tenant.NONE),
            // Camunda incidents: administrators list and retry them (an unknown incident → back to the list)
            page("GET", "/admin/incidents", ADMIN, Tenant.NONE),
            page("POST", "/admin/incidents/{incidentId}/retry", ADMIN, Tenant.NONE),
            // dead letters: administrators and compliance officers list, replay and discard them (unknown → the list)
            page("GET", "/admin/dead-letters", AUDITORS, Tenant.NONE),
            page("POST", "/admin/dead-letters/{id}/replay", AUDITORS, Tenant.NONE),
            page("POST", "/admin/dead-letters/{id}/discard", AUDITORS, Tenant.NONE),
            page("GET", "/remediations", REMEDIATION_READERS, Tenant.NONE),
            page("GET", "/standings", AUDITORS, Tenant.NONE),
            page("POST", "/standings/suspensions/{changeId}/lift", COMPLIANCE, Tenant.NONE),
            page("GET", "/registries", AUDITORS, Tenant.NONE),
            page("POST", "/registries/trusted-flaggers", COMPLIANCE, Tenant.NONE),
            page("POST", "/registries/trusted-flaggers/{id}/revocation", COMPLIANCE, Tenant.NONE),
            page("POST", "/registries/authorities", COMPLIANCE, Tenant.NONE),
            page("POST", "/registries/authorities/{id}/revocation", COMPLIANCE, Tenant.NONE),
            page("POST", "/remediations/{remediationId}/changes", PLATFORM, Tenant.NONE),
            page("POST", "/remediations/{remediationId}/widening", MODERATORS, Tenant.NONE),
            page("GET", "/audit/reports/transparency/download", AUDITORS, Tenant.NONE)
                    .query("?from=2026-01-01&to=2026-01-31&format=csv"),
            // not MVC handlers: Camunda's REST API (Jersey) and webapps, actuator, the default deny
            api("GET", "/engine-rest/process-definition", ADMIN, Tenant.NONE, null)
                    .notMvc(),
            api("GET", "/engine-rest/task", ADMIN, Tenant.NONE, null).notMvc(),
            api("POST", "/engine-rest/task", ADMIN, Tenant.NONE, "{}").notMvc(),
            api("GET", "/engine-rest/deployment", ADMIN, Tenant.NONE, null).notMvc(),
            page("GET", "/camunda/app/cockpit/default/", ADMIN, Tenant.NONE).notMvc(),
            page("GET", "/camunda/app/admin/default/", ADMIN, Tenant.NONE).notMvc(),
            page("GET", "/camunda/app/tasklist/default/", ADMIN, Tenant.NONE).notMvc(),
            page("GET", "/camunda/api/admin/auth/user/default", ADMIN, Tenant.NONE)
                    .notMvc(),
            page("GET", "/actuator/health", EVERYONE, Tenant.NONE).notMvc(),
            // Prometheus's scrapes: HTTP Basic, its own filter chain, the MONITORING role alone
            api("GET", "/actuator/prometheus", EnumSet.of(Role.MONITORING), Tenant.NONE, null)
                    .notMvc(),
            // OIDC sign-in (Spring Security filters): to the issuer; a callback without a request is refused
            page("GET", "/oauth2/authorization/oidc", EVERYONE, Tenant.NONE).notMvc(),
            page("GET", "/login/oauth2/code/oidc", EVERYONE, Tenant.NONE)
                    .query("?code=matrix&state=matrix")
                    .notMvc(),
            api("GET", "/api/not-a-door", NOBODY, Tenant.NONE, null).notMvc(),
            api("DELETE", "/api/notices/{caseId}", NOBODY, Tenant.NONE, null).notMvc(),
            page("GET", "/not-a-page", NOBODY, Tenant.NONE).notMvc(),
            page("GET", "/actuator/env", NOBODY, Tenant.NONE).notMvc());

    /**
     * Framework handlers in the MVC mapping that are deliberately not in the table, with the reason. Matched by
     * pattern; anything else without an entry fails the test.
     */
    static final Map<String, String> EXCLUDED = Map.of(
            "/error", "Spring Boot's BasicErrorController: renders the error of any dispatch; permitAll by design",
            "/v3/api-docs", "springdoc OpenAPI document of /api/** (no data); permitAll by design",
            "/v3/api-docs.yaml", "springdoc OpenAPI document (YAML); permitAll by design",
            "/v3/api-docs/swagger-config", "springdoc Swagger UI configuration; permitAll by design",
            "/swagger-ui.html", "springdoc Swagger UI redirect; permitAll by design");
    // Actuator endpoints live in their own WebMvcEndpointHandlerMapping; /actuator/health is a table row above.

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    @Autowired
    private ManagementService management;

    @Autowired
    private RuntimeService runtime;

    /** Per principal: its way into the API (none for a page session: its cookie is tried there) and the pages. */
    private final Map<String, Api> apis = new LinkedHashMap<>();

    private final Map<String, PageSession> pages = new LinkedHashMap<>();
    private final List<String> keyIds = new ArrayList<>();
    /** Each session's CSRF token, read once: it stays the session's until it signs in or out, which no cell does. */
    private final Map<String, String> csrf = new LinkedHashMap<>();

    private final Map<String, String> fixtures = new LinkedHashMap<>();
    /** Per organisation: its resources the OWN_ORGANISATION entries name, in the same states. */
    private final Map<String, Owned> owned = new LinkedHashMap<>();

    /** A rights holder's accepted case with an evidence file, a case still in review, a protected work. */
    record Owned(String accepted, String sha256, String inReview, String workId) {}

    @BeforeAll
    void fixtures() {
        long start = System.nanoTime();
        Cases cases = new Cases(baseUrl(), management, runtime);
        // org-b's cases are built meanwhile: other cases, nothing shared with org-a's
        CompletableFuture<Owned> orgB = CompletableFuture.supplyAsync(() -> owned(cases, "rightsholder-b"));
        Owned orgA = owned(cases, "rightsholder-a");
        owned.put("org-a", orgA);
        owned.put("org-b", orgB.join());
        String accepted = orgA.accepted();
        fixtures.put("accepted", accepted);
        fixtures.put("token", cases.uploaderToken(accepted));
        fixtures.put("counterToken", cases.counterNoticeToken(accepted));
        fixtures.put("appealToken", cases.appealToken(accepted));
        JsonNode measures = Api.as(baseUrl(), "compliance")
                .get("/api/measures?case_id=" + accepted)
                .json();
        assertThat(measures).isNotEmpty();
        fixtures.put("measureId", measures.get(0).get("measure_id").asText());
        fixtures.put("inReview", orgA.inReview());
        fixtures.put("taskId", NoticeLifecycleIT.awaitTask(Api.as(baseUrl(), "moderator"), orgA.inReview()));
        fixtures.put("workId", orgA.workId());

        // role and organisation come from the issuer's tokens, not from app_user
        Api admin = Api.as(baseUrl(), "admin");
        FakeOidcProvider issuer = TestInfrastructure.oidc();
        for (Principal principal : PRINCIPALS) {
            Role role = principal.role();
            switch (principal.credential()) {
                case NONE -> {
                    apis.put(principal.name(), Api.anonymous(baseUrl()));
                    pages.put(principal.name(), PageSession.anonymous(baseUrl()));
                }
                case PASSWORD -> {
                    apis.put(principal.name(), Api.as(baseUrl(), role.user));
                    pages.put(principal.name(), PageSession.login(baseUrl(), role.user));
                }
                case API_KEY -> {
                    String key = issueKey(admin, role);
                    apis.put(principal.name(), Api.withKey(baseUrl(), key));
                    pages.put(principal.name(), PageSession.anonymous(baseUrl()).sending("X-Api-Key", key));
                }
                case BEARER -> {
                    String token =
                            issuer.accessToken(role.user, List.of(role.claim()), role.organisation, "takedown-api");
                    apis.put(principal.name(), Api.bearer(baseUrl(), token));
                    pages.put(
                            principal.name(),
                            PageSession.anonymous(baseUrl()).sending("Authorization", "Bearer " + token));
                }
                // under names no demo account has: Camunda's webapps must take an administrator they never saw
                case OIDC_SESSION ->
                    pages.put(
                            principal.name(),
                            PageSession.oidc(baseUrl(), principal.name(), role.claim(), role.organisation));
            }
        }
        System.out.println(
                "[authorization-matrix] fixtures and sign-ins: " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private Owned owned(Cases cases, String holder) {
        String accepted = cases.fileAndAccept(
                holder,
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-matrix-" + UUID.randomUUID())
                        .json(),
                "[\"DELETE\"]");
        Api.Response evidence = Api.as(baseUrl(), holder)
                .postMultipart(
                        "/api/cases/" + accepted + "/evidence",
                        List.of(new Api.Part(
                                "file",
                                "matrix.txt",
                                ("matrix " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        String inReview = cases.file(
                holder,
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-matrix-" + UUID.randomUUID())
                        .json());
        Api.Response work = Api.as(baseUrl(), holder)
                .post(
                        "/api/works",
                        "{\"title\":\"Matrix work\",\"terms\":[\"matrix-term-" + UUID.randomUUID() + "\"]}");
        assertThat(work.status()).as(work.body()).isEqualTo(201);
        return new Owned(
                accepted,
                evidence.json().get(0).get("sha256").asText(),
                inReview,
                work.json().get("work_id").asText());
    }

    /** A key as an administrator issues it: a rights holder's for its organisation, the demo platform's. */
    private String issueKey(Api admin, Role role) {
        String organisation = role == Role.PLATFORM_SERVICE ? "org-platform" : role.organisation;
        Api.Response issued = admin.post(
                "/api/admin/api-keys",
                "{\"role\":\"" + role.claim() + "\",\"organisation_id\":\"" + organisation
                        + "\",\"label\":\"authorization matrix\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        keyIds.add(issued.json().get("key_id").asText());
        return issued.json().get("key").asText();
    }

    @AfterAll
    void revokeKeys() {
        Api admin = Api.as(baseUrl(), "admin");
        keyIds.forEach(id -> assertThat(admin.post("/api/admin/api-keys/" + id + "/revocation", "")
                        .status())
                .isEqualTo(204));
    }

    @Test
    void everyMvcHandlerHasAnEntry() {
        Set<String> tableKeys = new TreeSet<>();
        TABLE.stream().filter(Entry::mvc).forEach(e -> tableKeys.add(e.key()));
        Set<String> missing = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler :
                handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (EXCLUDED.containsKey(pattern)) {
                    continue;
                }
                if (methods.isEmpty()) {
                    missing.add("ANY " + pattern + " (" + handler.getValue() + ": declare its method)");
                    continue;
                }
                for (RequestMethod method : methods) {
                    String key = method.name() + " " + pattern;
                    seen.add(key);
                    if (!tableKeys.contains(key)) {
                        missing.add(key + " (" + handler.getValue() + ")");
                    }
                }
            }
        }
        System.out.println("[authorization-matrix] MVC handlers: " + seen.size() + " (method, pattern) pairs, "
                + EXCLUDED.size() + " framework patterns excluded");
        assertThat(missing)
                .as("handlers without an entry in AuthorizationMatrixIT.TABLE — add who may use them")
                .isEmpty();
        Set<String> stale = new TreeSet<>(tableKeys);
        stale.removeAll(seen);
        assertThat(stale)
                .as("table entries marked as MVC handlers that no longer exist")
                .isEmpty();
    }

    @Test
    void everyDoorAgainstEveryRole() {
        List<String> failures = new ArrayList<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        int cells = 0;
        for (Entry entry : TABLE) {
            boolean tenanted = entry.tenant() == Tenant.OWN_ORGANISATION;
            StringBuilder row = new StringBuilder(String.format("%-48s", entry.key()));
            for (String owner : tenanted ? OWNERS : OWNERS.subList(0, 1)) {
                if (tenanted) {
                    row.append(" | ").append(owner).append("'s:");
                }
                for (Principal principal : PRINCIPALS) {
                    if (!principal.credential().reaches(entry.pattern()) && !STRANGERS.contains(principal)) {
                        continue;
                    }
                    // the second organisation's resources: the tenancy rule is the rights holders' alone
                    if (!owner.equals(OWNERS.get(0)) && principal.at(entry.pattern()).organisation == null) {
                        continue;
                    }
                    String cell = entry.key() + (tenanted ? " on " + owner + "'s" : "") + " as " + principal.name();
                    long start = System.nanoTime();
                    try {
                        cells += check(entry, principal, owner, failures, cell, row);
                    } catch (RuntimeException e) {
                        failures.add(cell + ": " + e);
                    }
                    millis.merge(
                            owner.equals(OWNERS.get(0)) ? principal.name() : principal.name() + "@" + owner,
                            (System.nanoTime() - start) / 1_000_000,
                            Long::sum);
                }
            }
            System.out.println("[authorization-matrix] " + row);
        }
        System.out.println("[authorization-matrix] cells checked: " + cells + " (" + TABLE.size() + " entries × "
                + PRINCIPALS.size() + " principals, OWN_ORGANISATION entries for both organisations, plus "
                + "forged-token cells); failures: " + failures.size() + "; ms per principal: " + millis);
        failures.forEach(f -> System.out.println("[authorization-matrix] FAIL " + f));
        assertThat(failures).isEmpty();
        assertThat(cells).isGreaterThanOrEqualTo(FLOOR);
    }

    /** A POST on a page with a session but without its CSRF token is refused; with the token it goes through. */
    @Test
    void pagePostWithoutCsrfTokenIsRefused() {
        PageSession holder = PageSession.login(baseUrl(), "rightsholder-a");
        assertThat(holder.hasSessionCookie()).isTrue();
        PageSession.Response forged = holder.postForm("/notices", Map.of("workTitle", "csrf"), false);
        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        PageSession.Response wrongToken = holder.postForm(
                "/notices", List.of(Map.entry("workTitle", "csrf"), Map.entry("_csrf", "forged-" + UUID.randomUUID())));
        assertThat(wrongToken.status()).isEqualTo(403);
        PageSession.Response genuine = holder.postForm("/notices", Map.of("workTitle", "csrf"), true);
        assertThat(genuine.status()).as("same form with the token").isNotIn(401, 403);

        PageSession moderator = PageSession.login(baseUrl(), "moderator");
        assertThat(moderator
                        .postForm("/tasks/" + fixtures.get("taskId") + "/claim", Map.of(), false)
                        .status())
                .isEqualTo(403);
    }

    /** The list endpoints filter by organisation (not a door, but the same tenancy rule). */
    @Test
    void listsShowOnlyTheOwnOrganisation() {
        String accepted = fixtures.get("accepted");
        assertThat(Api.as(baseUrl(), "rightsholder-a").get("/api/notices").body())
                .contains(accepted);
        assertThat(Api.as(baseUrl(), "rightsholder-b").get("/api/notices").body())
                .doesNotContain(accepted);
        assertThat(Api.as(baseUrl(), "rightsholder-b").get("/api/works").body()).doesNotContain(fixtures.get("workId"));
        assertThat(pages.get("rightsholder-b").get("/notices").body()).doesNotContain(accepted);
        assertThat(pages.get("rightsholder-a").get("/notices").body()).contains(accepted);
    }

    private int check(
            Entry entry, Principal principal, String owner, List<String> failures, String cell, StringBuilder row) {
        int cells = 0;
        String path = concrete(entry.pattern() + entry.query(), entry.caseFixture(), token(entry), owner);
        Outcome outcome = send(entry, principal, path);
        cells++;
        row.append(' ')
                .append(principal.name())
                .append('=')
                .append(outcome.toLogin ? "login" : String.valueOf(outcome.status));
        Role role = principal.at(entry.pattern());
        String seen = role == principal.role() ? "" : " (" + principal.credential() + " does not count at this door)";
        boolean tenanted = entry.tenant() == Tenant.OWN_ORGANISATION && role.organisation != null;
        boolean foreign = tenanted && !role.organisation.equals(owner);
        boolean owns = tenanted && role.organisation.equals(owner);
        if (entry.allowed().contains(role)) {
            if (outcome.status == 401 || outcome.status == 403 || outcome.toLogin) {
                failures.add(cell + ": allowed but refused " + outcome);
            } else if (foreign && outcome.status != 404) {
                failures.add(cell + ": another organisation's resource must be a 404, got " + outcome);
            } else if (owns && outcome.status == 404) {
                failures.add(cell + ": the owner must reach its own resource, got " + outcome);
            } else if (entry.tenant() == Tenant.TOKEN && outcome.status == 404) {
                failures.add(cell + ": a valid link must open the door, got " + outcome);
            } else if (outcome.status >= 500) {
                failures.add(cell + ": server error " + outcome);
            } else if (!foreign && !entry.answered(outcome)) {
                failures.add(cell + ": expected " + (entry.expected().isEmpty() ? "success" : entry.expected())
                        + ", got " + outcome);
            }
            // a link is the credential whoever carries it, and the door reads nothing else: forged ones are tried by a
            // stranger and by a signed-in rights holder
            if (entry.tenant() == Tenant.TOKEN && FORGERS.contains(principal.name())) {
                // forged, tampered and re-targeted links are nobody's credential
                String token = token(entry);
                String retargeted = fixtures.get("inReview") + token.substring(token.indexOf('.'));
                for (String bad : List.of("forged-" + UUID.randomUUID(), tamper(token), retargeted)) {
                    Outcome forged = send(
                            entry,
                            principal,
                            concrete(entry.pattern() + entry.query(), entry.caseFixture(), bad, owner));
                    cells++;
                    if (forged.status != 404) {
                        failures.add(cell + " with a forged token: expected 404, got " + forged);
                    }
                }
            }
        } else if (role == Role.ANONYMOUS) {
            boolean refused = entry.door() == Door.API ? outcome.status == 401 : outcome.toLogin;
            if (!refused) {
                failures.add(cell + seen + ": anonymous must be "
                        + (entry.door() == Door.API ? "401" : "sent to /login") + ", got " + outcome);
            }
        } else if (outcome.status != 403) {
            failures.add(cell + ": forbidden role must get 403, got " + outcome);
        }
        return cells;
    }

    private Outcome send(Entry entry, Principal principal, String path) {
        PageSession session = pages.get(principal.name());
        if (entry.door() == Door.API) {
            Api api = apis.get(principal.name());
            if (api == null) {
                // a page session's cookie at an API door, as a script on a page would send it
                PageSession.Response r = session.json(entry.method(), path, entry.body());
                return new Outcome(r.status(), false, r.body());
            }
            Api.Response r =
                    switch (entry.method()) {
                        case "GET" -> api.get(path);
                        case "POST" -> api.post(path, entry.body());
                        case "PUT" -> api.put(path, entry.body());
                        case "DELETE" -> api.delete(path);
                        default -> throw new IllegalArgumentException("no request for " + entry.method());
                    };
            return new Outcome(r.status(), false, r.body());
        }
        PageSession.Response r = entry.method().equals("GET")
                ? session.get(path)
                : session.postForm(
                        path,
                        List.of(Map.entry(
                                "_csrf", csrf.computeIfAbsent(principal.name(), name -> session.csrfToken()))));
        return new Outcome(r.status(), r.redirectsToLogin(), r.location() != null ? "→ " + r.location() : r.body());
    }

    /** The entry's path with concrete variables: the case, evidence file and the like of {@code owner}. */
    private String concrete(String pattern, CaseFixture caseFixture, String token, String owner) {
        Owned resources = owned.get(owner);
        String caseId =
                switch (caseFixture) {
                    case ACCEPTED -> resources.accepted();
                    case IN_REVIEW -> resources.inReview();
                    case UNKNOWN ->
                        UUID.nameUUIDFromBytes("no such case".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .toString();
                };
        return pattern.replace("{caseId}", caseId)
                .replace("{keyId}", "no-such-key")
                .replace("{index}", "0")
                .replace("{uploadId}", "no-such-upload")
                .replace("{taskId}", fixtures.get("taskId"))
                .replace("{workId}", resources.workId())
                .replace("{measureId}", fixtures.get("measureId"))
                .replace("{sha256}", resources.sha256())
                .replace("{remediationId}", "00000000-0000-4000-8000-000000000000")
                .replace("{changeId}", "00000000-0000-4000-8000-000000000000")
                .replace("{id}", "00000000-0000-4000-8000-000000000000")
                .replace("{incidentId}", "no-such-incident")
                .replace("{letterId}", "00000000-0000-4000-8000-000000000000")
                .replace("{token}", token);
    }

    /** The uploader link of the purpose the door serves. */
    private String token(Entry entry) {
        if (entry.pattern().endsWith("/counter-notice")) {
            return fixtures.get("counterToken");
        }
        return entry.pattern().endsWith("/appeal") ? fixtures.get("appealToken") : fixtures.get("token");
    }

    /** The same link with one character of its signature changed. */
    private static String tamper(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static Set<Role> union(Set<Role> a, Set<Role> b) {
        Set<Role> all = EnumSet.noneOf(Role.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private record Outcome(int status, boolean toLogin, String body) {

        @Override
        public String toString() {
            String excerpt = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
            return status + (toLogin ? " (to /login)" : "") + " " + excerpt.replaceAll("\\s+", " ");
        }
    }
}
