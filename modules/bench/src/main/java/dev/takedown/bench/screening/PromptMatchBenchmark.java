package dev.takedown.bench.screening;

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
 * One 200-character prompt against 1k/10k/100k terms: our automaton vs hankcs' double-array trie vs robert-bor's
 * ahocorasick vs a naive {@code contains} loop, over already normalised text ({@code match}) and including
 * normalisation of the raw prompt ({@code normaliseAndMatch}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
public class PromptMatchBenchmark {

    @Param({"1000", "10000", "100000"})
    public int terms;

    @Param({"ours", "hankcs", "robertbor", "naive"})
    public String matcher;

    private PromptCorpus corpus;
    private Matchers.Matcher built;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        corpus = PromptCorpus.of(terms);
        built = Matchers.build(matcher, corpus.patterns);
    }

    @Benchmark
    public int match() {
        int k = next++ & 255;
        return built.count(corpus.normalisedPrompts[k], corpus.normalisedChars[k]);
    }

    @Benchmark
    public int normaliseAndMatch() {
        return built.count(
                corpus.normaliser.normalise(corpus.prompts[next++ & 255]).text());
    }
}
