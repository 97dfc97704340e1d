package dev.takedown.bench.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The configured engine evaluates bpmn/triage.dmn with the legacy FEEL engine (config/application.yml,
 * {@code dmnFeelEnableLegacyBehavior}), the starter default with the Scala one: both decide every combination of the
 * table's inputs alike, and the legacy engine is faster (about 8× on the development machine; asserted: 2×).
 */
class TriageFeelTest {

    private static final List<String> PROFILES = List.of("CN_CC_1195", "CN_ECOM", "CN_REGS_2013", "US_DMCA", "EU_DSA");
    private static final List<String> NOTIFIERS = List.of("RIGHTS_HOLDER", "AUTHORITY_ORDER", "TRUSTED_FLAGGER");
    private static final List<String> TARGETS =
            List.of("URL", "ACCOUNT", "GENERATED_OUTPUT", "PROMPT_PATTERN", "MODEL", "LORA", "DATASET_ITEM");

    @Test
    void legacyFeelDecidesEveryCombinationAlikeAndFaster() throws Exception {
        DmnEngine scala =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration legacyConfiguration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnEngine legacy = legacyConfiguration.enableFeelLegacyBehavior(true).buildEngine();
        DmnDecision scalaTriage = triage(scala);
        DmnDecision legacyTriage = triage(legacy);

        List<VariableMap> inputs = new ArrayList<>();
        for (String profile : PROFILES) {
            for (String notifier : NOTIFIERS) {
                for (String target : TARGETS) {
                    for (int flags = 0; flags < 4; flags++) {
                        inputs.add(Variables.createVariables()
                                .putValue("profile", profile)
                                .putValue("notifierType", notifier)
                                .putValue("targetType", target)
                                .putValue("wellKnownWork", (flags & 1) != 0)
                                .putValue("aiAssistedWork", (flags & 2) != 0));
                    }
                }
            }
        }
        for (VariableMap input : inputs) {
            assertThat(decide(legacy, legacyTriage, input))
                    .as("%s", input)
                    .isEqualTo(decide(scala, scalaTriage, input));
        }

        long scalaNanos = Long.MAX_VALUE;
        long legacyNanos = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            scalaNanos = Math.min(scalaNanos, time(scala, scalaTriage, inputs));
            legacyNanos = Math.min(legacyNanos, time(legacy, legacyTriage, inputs));
        }
        assertThat(scalaNanos)
                .as(
                        "Scala FEEL %d µs, legacy FEEL %d µs per %d evaluations",
                        scalaNanos / 1000, legacyNanos / 1000, inputs.size())
                .isGreaterThan(2 * legacyNanos);
    }

    private static DmnDecision triage(DmnEngine engine) throws Exception {
        try (InputStream dmn = TriageFeelTest.class.getClassLoader().getResourceAsStream("bpmn/triage.dmn")) {
            return engine.parseDecision("triage", dmn);
        }
    }

    private static Map<String, Object> decide(DmnEngine engine, DmnDecision triage, VariableMap input) {
        return engine.evaluateDecisionTable(triage, input).getSingleResult().getEntryMap();
    }

    private static long time(DmnEngine engine, DmnDecision triage, List<VariableMap> inputs) {
        long started = System.nanoTime();
        for (VariableMap input : inputs) {
            decide(engine, triage, input);
        }
        return System.nanoTime() - started;
    }
}
