package dev.takedown.bench.screening;

import dev.takedown.events.ScreeningRule;
import dev.takedown.screening.PromptVerdict;
import dev.takedown.screening.Screening;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole {@link Screening#checkPrompt} (normalisation, automaton, boundaries, verdict) in SampleTime mode for its
 * latency percentiles; terms are spread over measures of 100 terms each, plus one combination per measure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
public class PromptCheckLatencyBenchmark {

    @Param({"1000", "10000", "100000"})
    public int terms;

    private PromptCorpus corpus;
    private Screening screening;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        corpus = PromptCorpus.of(terms);
        screening = new Screening();
        List<dev.takedown.screening.MeasureChange> changes = new ArrayList<>();
        for (int from = 0, m = 0; from < corpus.terms.size(); from += 100, m++) {
            List<String> slice = corpus.terms.subList(from, Math.min(from + 100, corpus.terms.size()));
            changes.add(new dev.takedown.screening.MeasureChange.Apply(
                    "m-" + m,
                    "case-" + m,
                    new ScreeningRule(
                            "work " + m,
                            slice,
                            List.of(new ScreeningRule.Combination(List.of(slice.get(0), slice.get(1)), 2, 8)),
                            List.of("licensee-" + m),
                            List.of(),
                            List.of())));
        }
        screening.update(changes);
        if (corpus.promptsWithTerms().stream()
                .noneMatch(i -> screening.checkPrompt(corpus.prompts[i], "a").decision()
                        == dev.takedown.screening.Decision.BLOCK)) {
            throw new IllegalStateException("no prompt is blocked: the benchmark would measure nothing");
        }
    }

    @Benchmark
    public PromptVerdict checkPrompt() {
        return screening.checkPrompt(corpus.prompts[next++ & 255], "account-1");
    }
}
