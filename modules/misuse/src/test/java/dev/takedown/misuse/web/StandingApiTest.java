package dev.takedown.misuse.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.misuse.InvalidLiftException;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.NotSuspendedException;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.Standing;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.misuse.StandingStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The standing API shows a suspension with its end date and the change id a lift or a complaint names, and answers
 * bad input as RFC 9457 problem details naming the field. Who may call it is the app's filter chain
 * ({@code AuthorizationMatrixIT}).
 */
@WebMvcTest(controllers = StandingApi.class)
@AutoConfigureMockMvc(addFilters = false)
class StandingApiTest {

    private static final TestingAuthenticationToken COMPLIANCE =
            new TestingAuthenticationToken("compliance", null, "ROLE_COMPLIANCE_OFFICER");
    private static final Instant UNTIL = Instant.parse("2026-04-01T08:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Misuse misuse;

    @Test
    void aPartysStandingShowsTheSuspensionsEndAndItsChangeId() throws Exception {
        Party party = Party.notifier("email:abc");
        when(misuse.standing(party))
                .thenReturn(new Standing(
                        party, StandingStatus.SUSPENDED, Instant.parse("2026-03-02T08:00:00Z"), UNTIL, "c-1", "s-1"));
        when(misuse.history(party)).thenReturn(List.of());

        mvc.perform(get("/api/standings/party").param("kind", "notifier").param("id", "email:abc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standing.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.standing.until").value("2026-04-01T08:00:00Z"))
                .andExpect(jsonPath("$.standing.change_id").value("s-1"))
                .andExpect(jsonPath("$.standing.party.kind").value("NOTIFIER"));
    }

    @Test
    void anUnknownStatusKindOrImpossibleIdIsNamed() throws Exception {
        mvc.perform(get("/api/standings").param("status", "BANNED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/standings/party").param("kind", "MODERATOR").param("id", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/api/standings/party").param("kind", "UPLOADER").param("id", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void aLiftNeedsReasonsAndASuspensionInForce() throws Exception {
        when(misuse.lift(eq("s-1"), eq(null), any()))
                .thenThrow(new InvalidLiftException(List.of(new FieldProblem("reason", "owed the reasons"))));
        when(misuse.lift(eq("w-1"), eq("x"), any())).thenThrow(new NotSuspendedException("not in force"));
        when(misuse.lift("s-1", "entered in error", "compliance"))
                .thenReturn(new StandingChange(
                        "l-1",
                        Party.notifier("org-a"),
                        StandingChangeKind.LIFTED,
                        Instant.parse("2026-03-03T08:00:00Z"),
                        null,
                        "c-1",
                        "compliance",
                        null,
                        "entered in error"));

        mvc.perform(post("/api/standings/suspensions/s-1/lift")
                        .principal(COMPLIANCE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/standings/suspensions/w-1/lift")
                        .principal(COMPLIANCE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"x\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/standings/suspensions/s-1/lift")
                        .principal(COMPLIANCE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"entered in error\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.change").value("LIFTED"))
                .andExpect(jsonPath("$.reason").value("entered in error"));
    }
}
