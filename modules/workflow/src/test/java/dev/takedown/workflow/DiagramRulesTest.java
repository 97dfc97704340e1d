package dev.takedown.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.takedown.workflow.DiagramRules.Rule;
import dev.takedown.workflow.DiagramRules.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every diagram the engine deploys follows {@link DiagramRules}; a broken fixture shows that each rule bites. */
class DiagramRulesTest {

    /** The workflow module's beans: the only ones a diagram can name (only this module runs Camunda). */
    private static final Map<String, Class<?>> WORKFLOW_BEANS = DiagramRules.components("dev.takedown.workflow");

    static Stream<Arguments> diagrams() throws IOException {
        Resource[] diagrams = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
        assertThat(Arrays.stream(diagrams).map(Resource::getFilename))
                .as("bpmn/ as deployed")
                .contains("notice-lifecycle.bpmn", "counter-notice.bpmn", "appeal.bpmn", "model-remediation.bpmn");
        return Arrays.stream(diagrams)
                .map(diagram -> Arguments.of(diagram.getFilename().replaceFirst("\\.bpmn$", ""), read(diagram)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("diagrams")
    void diagramFollowsTheRules(String name, byte[] xml) {
        assertThat(new DiagramRules(WORKFLOW_BEANS).check(name, xml)).isEmpty();
    }

    @Test
    void theBrokenFixtureIsRejectedByEveryRuleWhereItBreaksIt() {
        DiagramRules rules = new DiagramRules(DiagramRules.components("dev.takedownfixture.diagrams"));

        List<Violation> violations = rules.check("broken", read(new ClassPathResource("diagram-rules/broken.bpmn")));

        assertThat(violations)
                .extracting(Violation::rule, Violation::element)
                .containsExactlyInAnyOrder(
                        tuple(Rule.GATEWAY_FORKS_AND_JOINS, "Gateway_Check"),
                        tuple(Rule.FAKE_JOIN, "EndEvent_Done"),
                        tuple(Rule.NAME, "StartEvent_Begin"),
                        tuple(Rule.NAME, "Event_Cancelled"),
                        tuple(Rule.NAME, "Flow_Wrong"),
                        tuple(Rule.ELEMENT_ID, "Broken_Process"),
                        tuple(Rule.ELEMENT_ID, "Archive"),
                        tuple(Rule.ELEMENT_ID, "Shape_Archive"),
                        tuple(Rule.HISTORY_TIME_TO_LIVE, "Broken_Process"),
                        tuple(Rule.DELEGATE_BEAN, "StartEvent_Begin"),
                        tuple(Rule.DELEGATE_BEAN, "StartEvent_Begin"),
                        tuple(Rule.DELEGATE_BEAN, "Task_Notify"),
                        tuple(Rule.DELEGATE_BEAN, "Archive"),
                        tuple(Rule.DELEGATE_BEAN, "EndEvent_Done"),
                        tuple(Rule.EXPRESSION_BEAN, "Flow_Right"),
                        tuple(Rule.EXPRESSION_BEAN, "Flow_Wrong"),
                        tuple(Rule.EXPRESSION_BEAN, "Task_Fix"),
                        tuple(Rule.USER_TASK_DUE_DATE, "Task_Fix"),
                        tuple(Rule.USER_TASK_ESCALATION, "Task_Fix"));
        assertThat(violations.stream().map(Violation::rule).collect(Collectors.toSet()))
                .as("every rule bites")
                .isEqualTo(EnumSet.allOf(Rule.class));
        // what each delegate is told, and that the escalation timer of a subprocess covers the task inside it
        assertThat(violations)
                .extracting(Violation::message)
                .contains(
                        "${nobody}: no bean nobody",
                        "${closeCase.execute(execution)} is not ${beanName}",
                        "${notifyParties}: bean notifyParties is a Renamed, name it renamed",
                        "${archiveCase}: ArchiveCase is no JavaDelegate",
                        "${closeCase}: CloseCase is no ExecutionListener",
                        "${sla.dueDate() != null}: bean sla is a Deadlines, name it deadlines",
                        "${weights.of(execution)}: no bean weights");
        assertThat(violations).noneMatch(violation -> violation.element().equals("Task_HandleIt"));
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
