package dev.takedown.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.measures.MeasureType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-01");

    private static List<String> problems(DecisionRequest request) {
        try {
            Review.validate(request, TODAY);
            return List.of();
        } catch (InvalidDecisionException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
    }

    @Test
    void acceptNeedsKnownMeasures() {
        assertThat(problems(new DecisionRequest("ACCEPT", List.of(), null))).containsExactly("measures");
        assertThat(problems(new DecisionRequest("ACCEPT", List.of("DELETE", "NUKE"), null)))
                .containsExactly("measures[1]");
        assertThat(Review.validate(new DecisionRequest("ACCEPT", List.of("DELETE", "PROMPT_FILTER"), null), TODAY))
                .containsExactly(MeasureType.DELETE, MeasureType.PROMPT_FILTER);
    }

    @Test
    void rejectNeedsAReasonAndNoMeasures() {
        assertThat(problems(new DecisionRequest("REJECT", List.of("DELETE"), " ")))
                .containsExactly("measures", "reason");
        assertThat(problems(new DecisionRequest("REJECT", null, "not the work")))
                .isEmpty();
    }

    @Test
    void countriesAreIsoCodesAndTheLastDayLiesAfterToday() {
        assertThat(problems(accept(List.of("DE", "AT"), "2026-03-02"))).isEmpty();
        assertThat(problems(accept(List.of(), null)))
                .as("no scope: worldwide until further notice")
                .isEmpty();
        assertThat(problems(accept(List.of("DE", "Germany", "de", "XX"), null)))
                .containsExactly("countries[1]", "countries[2]", "countries[3]");
        assertThat(problems(accept(List.of(), "2026-03-01"))).containsExactly("end_date");
        assertThat(problems(accept(List.of(), "1 March"))).containsExactly("end_date");
        assertThat(problems(new DecisionRequest("REJECT", null, "parody", null, null, List.of("DE"), null)))
                .as("a rejection restricts nowhere")
                .containsExactly("countries");
    }

    private static DecisionRequest accept(List<String> countries, String endDate) {
        return new DecisionRequest(
                "ACCEPT", List.of(MeasureChoice.of("GEO_BLOCK")), "copy", null, null, countries, endDate);
    }

    @Test
    void eachMeasureMayHaveCountriesAndALastDayOfItsOwnCheckedAndNamedLikeTheDecisions() throws Exception {
        DecisionRequest request = new ObjectMapper().readValue("""
                        {"outcome": "ACCEPT", "reason": "copy", "countries": ["FR"],
                         "measures": ["DELETE",
                                      {"type": "GEO_BLOCK", "countries": ["DE", "Atlantis"], "end_date": "2026-03-01"},
                                      {"type": "DEMOTE", "countries": [], "end_date": "2026-06-30"},
                                      {"type": "DELETE"}]}
                        """, DecisionRequest.class);

        assertThat(request.measures())
                .containsExactly(
                        MeasureChoice.of("DELETE"),
                        new MeasureChoice("GEO_BLOCK", List.of("DE", "Atlantis"), "2026-03-01"),
                        new MeasureChoice("DEMOTE", List.of(), "2026-06-30"),
                        MeasureChoice.of("DELETE"));
        assertThat(problems(request))
                .containsExactly("measures[1].countries[1]", "measures[1].end_date", "measures[3]");
    }

    @Test
    void outcomeMustBeKnown() {
        assertThatThrownBy(() -> Review.validate(new DecisionRequest("MAYBE", null, null), TODAY))
                .isInstanceOf(InvalidDecisionException.class);
        assertThat(problems(new DecisionRequest(null, null, null))).containsExactly("outcome");
    }

    @Test
    void moderatorQueuesFollowRoles() {
        var senior = Moderator.of(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                "s",
                null,
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(
                        "ROLE_SENIOR_MODERATOR")));
        var rightsHolder =
                Moderator.of(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        "r",
                        null,
                        org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(
                                "ROLE_RIGHTS_HOLDER")));

        assertThat(senior.queues()).containsExactly("MODERATOR", "SENIOR_MODERATOR");
        assertThat(rightsHolder.queues()).isEmpty();
    }
}
