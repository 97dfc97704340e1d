package dev.takedown.notifiers.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.notifiers.InvalidRegistryEntryException;
import dev.takedown.notifiers.Registries;
import dev.takedown.notifiers.RegistryConflictException;
import dev.takedown.notifiers.RegistryEntryNotFoundException;
import dev.takedown.notifiers.TrustedFlaggerDetails;
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
 * The registry API passes what a compliance officer entered to the registries as the officer's act, and answers a bad
 * entry, a conflict or an unknown entry as RFC 9457 problem details naming the fields. Who may call it is the app's
 * filter chain ({@code AuthorizationMatrixIT}); the checks themselves are {@code RegistriesModuleTest}'s.
 */
@WebMvcTest(controllers = RegistryApi.class)
@AutoConfigureMockMvc(addFilters = false)
class RegistryApiTest {

    private static final TestingAuthenticationToken COMPLIANCE =
            new TestingAuthenticationToken("compliance", null, "ROLE_COMPLIANCE_OFFICER");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Registries registries;

    @Test
    void aBadEntryNamesEachFieldAndAConflictToo() throws Exception {
        when(registries.register(any(TrustedFlaggerDetails.class), eq("compliance")))
                .thenThrow(new InvalidRegistryEntryException(
                        List.of(new FieldProblem("entity", "required"), new FieldProblem("areas[0]", "unknown area"))))
                .thenThrow(new RegistryConflictException(
                        List.of(new FieldProblem("credentials[0]", "already bound to registry entry e-1"))));

        mvc.perform(post("/api/registries/trusted-flaggers")
                        .principal(COMPLIANCE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"areas\": [\"PIRACY\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("entity", "areas[0]")));
        mvc.perform(post("/api/registries/trusted-flaggers")
                        .principal(COMPLIANCE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"credentials\": [\"api-key:abc\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("credentials[0]"));
        verify(registries)
                .register(
                        eq(new TrustedFlaggerDetails(null, null, null, List.of(), null, null, List.of("api-key:abc"))),
                        eq("compliance"));
    }

    @Test
    void anUnknownEntryIsNotFoundAndARevocationCarriesTheOfficersReasons() throws Exception {
        when(registries.trustedFlagger("nope")).thenThrow(new RegistryEntryNotFoundException("nope"));
        when(registries.revokeAuthority(anyString(), anyString(), anyString()))
                .thenThrow(new RegistryEntryNotFoundException("a-1"));

        mvc.perform(get("/api/registries/trusted-flaggers/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/registries/authorities/a-1/revocation")
                        .principal(COMPLIANCE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"lost its competence\"}"))
                .andExpect(status().isNotFound());
        verify(registries).revokeAuthority("a-1", "lost its competence", "compliance");
    }
}
