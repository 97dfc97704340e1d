package dev.takedown.aigc.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.takedown.aigc.ImplicitLabels;
import dev.takedown.aigc.LabelEvidence;
import dev.takedown.aigc.LabelledPng;
import dev.takedown.aigc.RiskWarnings;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.NoticeIncompleteException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The AIGC API's requests and answers: what a label check and a risk-warning report look like on the wire. */
class AigcApiTest {

    private static final UsernamePasswordAuthenticationToken MODERATOR =
            UsernamePasswordAuthenticationToken.authenticated(
                    "moderator", null, List.of(new SimpleGrantedAuthority("ROLE_MODERATOR")));

    private final LabelEvidence labels = mock(LabelEvidence.class);
    private final RiskWarnings warnings = mock(RiskWarnings.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new AigcApi(labels, warnings))
            .setControllerAdvice(new AigcProblems())
            .build();

    @Test
    void aLabelCheckTakesTheImageAndAnswersTheAssessment() throws Exception {
        byte[] image = LabelledPng.unlabelled();
        when(labels.check("c-1", 0, image, "moderator"))
                .thenReturn(new ImplicitLabels.Assessment(ImplicitLabels.Status.MISSING, Map.of(), null, null));
        mvc.perform(multipart("/api/notices/c-1/targets/0/label-check")
                        .file(new MockMultipartFile("image", "x.png", "image/png", image))
                        .principal(MODERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MISSING"));
    }

    @Test
    void aBadTargetNumberAnEmptyImageOrAnUnknownCaseAreProblemsNamingWhatIsWrong() throws Exception {
        MockMultipartFile image = new MockMultipartFile("image", "x.png", "image/png", LabelledPng.unlabelled());
        mvc.perform(multipart("/api/notices/c-1/targets/first/label-check")
                        .file(image)
                        .principal(MODERATOR))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("target_index"));
        mvc.perform(multipart("/api/notices/c-1/targets/0/label-check")
                        .file(new MockMultipartFile("image", "x.png", "image/png", new byte[0]))
                        .principal(MODERATOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("image"));
        verify(labels, never()).check(anyString(), anyInt(), any(), anyString());

        when(labels.check(eq("c-2"), anyInt(), any(), anyString())).thenThrow(new CaseNotFoundException("c-2"));
        mvc.perform(multipart("/api/notices/c-2/targets/0/label-check")
                        .file(image)
                        .principal(MODERATOR))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aPlatformReportsWhatAUserSawAndACaseShowsIt() throws Exception {
        UsernamePasswordAuthenticationToken platform = UsernamePasswordAuthenticationToken.authenticated(
                "platform", null, List.of(new SimpleGrantedAuthority("ROLE_PLATFORM_SERVICE")));
        mvc.perform(post("/api/risk-warnings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"account_id": "acct-1", "agreement_version": "UA-3", "risk_warning_version": "RW-1",
                                 "shown_at": "2025-05-01T00:00:00Z"}
                                """)
                        .principal(platform))
                .andExpect(status().isCreated());
        verify(warnings)
                .record(new RiskWarnings.Acknowledgement("acct-1", "UA-3", "RW-1", "2025-05-01T00:00:00Z"), "platform");

        org.mockito.Mockito.doThrow(new NoticeIncompleteException(List.of(new FieldProblem("shown_at", "ISO-8601"))))
                .when(warnings)
                .record(eq(new RiskWarnings.Acknowledgement("acct-1", "UA-3", "RW-1", "later")), anyString());
        mvc.perform(post("/api/risk-warnings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"account_id": "acct-1", "agreement_version": "UA-3", "risk_warning_version": "RW-1",
                                 "shown_at": "later"}
                                """)
                        .principal(platform))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shown_at"));

        when(warnings.forCase("c-1"))
                .thenReturn(List.of(new RiskWarnings.TargetWarning(
                        0,
                        "https://gen.example/o/1",
                        "acct-1",
                        null,
                        new RiskWarnings.Acknowledgement("acct-1", "UA-3", "RW-1", "2025-05-01T00:00:00Z"))));
        mvc.perform(get("/api/notices/c-1/risk-warnings").principal(MODERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].account_id").value("acct-1"))
                .andExpect(jsonPath("$[0].acknowledgement.risk_warning_version").value("RW-1"));
    }
}
