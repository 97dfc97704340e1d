package dev.takedown.remediation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.screening.Screening;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus is what it claims to be, and weighs terms with the real screening matcher. */
class BenignCorpusTest {

    private final BenignCorpus corpus = new BenignCorpus(new Screening());

    @Test
    void holdsAThousandDistinctEverydayPromptsHalfChineseHalfEnglish() throws IOException {
        List<String> prompts = prompts();
        assertThat(corpus.size()).isEqualTo(1000);
        assertThat(prompts).doesNotHaveDuplicates();
        long chinese = prompts.stream()
                .filter(p -> p.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();
        assertThat(chinese).isEqualTo(500);
    }

    @Test
    void anEverydayWordBlocksAShareOfItAndACharacterNameNone() {
        assertThat(corpus.share("the")).as("'the'").isGreaterThan(0.05);
        assertThat(corpus.share("的")).as("'的'").isGreaterThan(0.3);
        assertThat(corpus.share("画")).as("'画' (draw)").isGreaterThan(0.1);
        for (String name : List.of("Tiga", "迪迦", "奥特曼", "Ultraman", "Pikachu")) {
            assertThat(corpus.share(name)).as(name).isZero();
        }
    }

    private static List<String> prompts() throws IOException {
        try (InputStream in = BenignCorpus.class.getClassLoader().getResourceAsStream(BenignCorpus.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }
}
