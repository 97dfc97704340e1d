package dev.takedown.remediation.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.takedown.kernel.Caller;
import dev.takedown.remediation.RemediationNotFoundException;
import dev.takedown.remediation.Remediations;
import dev.takedown.remediation.TermsTooBroadException;
import dev.takedown.remediation.TooBroadTerm;
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
 * The remediation API answers bad input as RFC 9457 problem details that name the field, never as a 500. Who may call
 * which door is the app's filter chain ({@code AuthorizationMatrixIT}); here the caller arrives authenticated.
 */
@WebMvcTest(controllers = RemediationApi.class)
@AutoConfigureMockMvc(addFilters = false)
class RemediationApiTest {

    private static final TestingAuthenticationToken OWNER =
            new TestingAuthenticationToken("platform", null, "ROLE_PLATFORM_SERVICE", "ORG_org-platform");
    private static final TestingAuthenticationToken MODERATOR =
            new TestingAuthenticationToken("moderator", null, "ROLE_MODERATOR");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Remediations remediations;

    @Test
    void aTooBroadTermIsRefusedWithItsFieldAndShare() throws Exception {
        when(remediations.recordChange(eq("r-1"), eq("f-2"), any(), eq("wider"), anyList(), any(Caller.class)))
                .thenThrow(new TermsTooBroadException(List.of(new TooBroadTerm(
                        "added_terms[1]",
                        "\"the\" would block 8.4 % of 1000 everyday prompts (at most 0.5 % allowed)",
                        "the",
                        0.084,
                        0.005))));

        mvc.perform(post("/api/remediations/r-1/changes")
                        .principal(OWNER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filter_version\": \"f-2\", \"description\": \"wider\","
                                + " \"added_terms\": [\"Tiga\", \"the\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://takedown.dev/problems/term-too-broad"))
                .andExpect(jsonPath("$.errors[0].field").value("added_terms[1]"))
                .andExpect(jsonPath("$.errors[0].term").value("the"))
                .andExpect(jsonPath("$.errors[0].benign_share").value(0.084))
                .andExpect(jsonPath("$.errors[0].max_share").value(0.005));
    }

    @Test
    void anIncompleteChangeNamesEveryMissingFieldAndRecordsNothing() throws Exception {
        mvc.perform(post("/api/remediations/r-1/changes")
                        .principal(OWNER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\": \" \", \"added_terms\": [\"ok\", \"\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder("description", "filter_version", "added_terms[1]")));
        verify(remediations, never()).recordChange(any(), any(), any(), any(), anyList(), any());
    }

    @Test
    void aRefusalWithoutAReasonOrAnUnknownOutcomeIsRefusedByField() throws Exception {
        mvc.perform(post("/api/remediations/r-1/widening")
                        .principal(MODERATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"REFUSE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/remediations/r-1/widening")
                        .principal(MODERATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"MAYBE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        verify(remediations, never()).decideWidening(any(), anyBoolean(), any(), any());
    }

    @Test
    void anotherOwnersRemediationIsNotFoundAndAnUnknownStatusIsNamed() throws Exception {
        when(remediations.details(eq("r-2"), any(Caller.class))).thenThrow(new RemediationNotFoundException("r-2"));

        mvc.perform(get("/api/remediations/r-2").principal(OWNER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/remediations?status=DONE").principal(OWNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }
}
