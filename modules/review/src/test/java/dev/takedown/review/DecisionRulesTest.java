package dev.takedown.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.measures.MeasureType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {

    private static List<String> problems(DecisionRequest request) {
        try {
            Review.validate(request);
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
        assertThat(Review.validate(new DecisionRequest("ACCEPT", List.of("DELETE", "PROMPT_FILTER"), null)))
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
    void outcomeMustBeKnown() {
        assertThatThrownBy(() -> Review.validate(new DecisionRequest("MAYBE", null, null)))
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
