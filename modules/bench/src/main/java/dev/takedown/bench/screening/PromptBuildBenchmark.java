package dev.takedown.bench.screening;

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
 * Building a matcher over 10 / 1k / 100k terms: ours vs hankcs. Every accepted measure becomes an index segment of
 * its own (a few terms), so the build of a small automaton sits on the accept → enforced path; run with
 * {@code -prof gc} to see what each build allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
public class PromptBuildBenchmark {

    @Param({"10", "1000", "100000"})
    public int terms;

    @Param({"ours", "hankcs"})
    public String matcher;

    private List<String> patterns;

    @Setup(Level.Trial)
    public void setUp() {
        patterns = terms < 1000 ? PromptCorpus.of(1000).patterns.subList(0, terms) : PromptCorpus.of(terms).patterns;
    }

    @Benchmark
    public Matchers.Matcher build() {
        return Matchers.build(matcher, patterns);
    }
}
