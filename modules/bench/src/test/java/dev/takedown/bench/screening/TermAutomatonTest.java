package dev.takedown.bench.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermAutomatonTest {

    @Test
    void reportsOverlappingAndNestedOccurrences() {
        TermAutomaton automaton = new TermAutomaton(List.of("he", "she", "his", "hers", "奥特曼", "特"));
        List<String> hits = new ArrayList<>();
        automaton.scan("ushers奥特曼", (end, p) -> hits.add(p + "@" + end));
        assertThat(hits).containsExactlyInAnyOrder("1@4", "0@4", "3@6", "5@8", "4@9");
    }

    @Test
    void agreesWithIndexOfOnRandomText() {
        Random random = new Random(11);
        String alphabet = "abcab奥特";
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            patterns.add(randomText(random, alphabet, 1 + random.nextInt(6)));
        }
        TermAutomaton automaton = new TermAutomaton(patterns);
        for (int round = 0; round < 50; round++) {
            String text = randomText(random, alphabet, 200);
            Set<String> expected = new HashSet<>();
            for (int p = 0; p < patterns.size(); p++) {
                if (patterns.indexOf(patterns.get(p)) != p) {
                    continue;
                }
                for (int at = text.indexOf(patterns.get(p)); at >= 0; at = text.indexOf(patterns.get(p), at + 1)) {
                    expected.add(p + "@" + (at + patterns.get(p).length()));
                }
            }
            Set<String> actual = new HashSet<>();
            automaton.scan(text, (end, p) -> actual.add(p + "@" + end));
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
