package dev.takedown.bench.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs one operation of every screening benchmark so that a broken benchmark fails the build, not the JMH run. */
class BenchmarkSmokeTest {

    @ParameterizedTest
    @ValueSource(strings = {"ours", "hankcs", "robertbor", "naive"})
    void everyMatcherCountsTheSameOccurrences(String matcher) {
        PromptMatchBenchmark bench = new PromptMatchBenchmark();
        bench.terms = 1000;
        bench.matcher = matcher;
        bench.setUp();
        assertThat(bench.match()).isNotNegative();
        assertThat(bench.normaliseAndMatch()).isNotNegative();
        PromptCorpus corpus = PromptCorpus.of(1000);
        int withTerm = corpus.promptsWithTerms().get(0);
        assertThat(Matchers.build(matcher, corpus.patterns).count(corpus.normalisedPrompts[withTerm]))
                .isPositive();
    }

    @Test
    void automatonAgreesWithTheLibrariesOnEveryPrompt() {
        PromptCorpus corpus = PromptCorpus.of(1000);
        Matchers.Matcher ours = Matchers.build("ours", corpus.patterns);
        Matchers.Matcher hankcs = Matchers.build("hankcs", corpus.patterns);
        Matchers.Matcher robertBor = Matchers.build("robertbor", corpus.patterns);
        for (String prompt : corpus.normalisedPrompts) {
            assertThat(ours.count(prompt)).isEqualTo(hankcs.count(prompt)).isEqualTo(robertBor.count(prompt));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ours", "hankcs"})
    void everyBuiltMatcherFindsATermOfItsSegment(String matcher) {
        PromptBuildBenchmark bench = new PromptBuildBenchmark();
        bench.terms = 10;
        bench.matcher = matcher;
        bench.setUp();
        String term = PromptCorpus.of(1000).patterns.get(3);
        assertThat(bench.build().count("x " + term + " y")).isPositive();
    }

    @Test
    void promptCheckBlocksSomething() {
        PromptCheckLatencyBenchmark bench = new PromptCheckLatencyBenchmark();
        bench.terms = 1000;
        bench.setUp();
        assertThat(bench.checkPrompt()).isNotNull();
    }

    @Test
    void imageLookupHasFullRecall() {
        ImageLookupBenchmark bench = new ImageLookupBenchmark();
        bench.hashes = 20_000;
        bench.recallSample = 200;
        bench.setUp();
        assertThat(bench.multiIndex()).isPositive();
        assertThat(bench.bruteForce()).isPositive();
    }
}
