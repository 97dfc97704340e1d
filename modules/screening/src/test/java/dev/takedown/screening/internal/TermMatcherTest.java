package dev.takedown.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TermMatcherTest {

    @Test
    void reportsOverlappingAndNestedOccurrences() {
        List<String> patterns = List.of("he", "she", "his", "hers", "奥特曼", "特");
        Set<String> hits = hits(new TermMatcher(patterns), patterns, "ushers奥特曼");
        assertThat(hits).containsExactlyInAnyOrder("she@1", "he@2", "hers@2", "特@7", "奥特曼@6");
    }

    @Test
    void charactersOfNoPatternResetTheScanAndEmptyPatternsNeverMatch() {
        List<String> patterns = List.of("", "ab", "b");
        TermMatcher matcher = new TermMatcher(patterns);
        assertThat(hits(matcher, patterns, "axb ab")).containsExactlyInAnyOrder("b@2", "ab@4", "b@5");
        assertThat(hits(new TermMatcher(List.of()), List.of(), "anything")).isEmpty();
    }

    @Test
    void duplicatePatternsAreEachReported() {
        List<String> patterns = List.of("ab", "ab", "b");
        List<Integer> ids = new ArrayList<>();
        new TermMatcher(patterns).scan("xab", (begin, end, p) -> ids.add(p));
        assertThat(ids).containsExactlyInAnyOrder(0, 1, 2);
    }

    /**
     * Random vocabularies over small mixed alphabets (dense tries, long failure chains) and over a wide one, against
     * the definition: every (position, pattern) whose text starts there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ab", "abc奥特", "abcdefghij奥特曼迪迦戴拿", "wide"})
    void findsEveryOccurrenceAndNothingElse(String alphabet) {
        Random random = new Random(alphabet.hashCode());
        for (int round = 0; round < 20; round++) {
            List<String> patterns = new ArrayList<>();
            int count = 1 + random.nextInt(round < 10 ? 30 : 3000);
            for (int i = 0; i < count; i++) {
                patterns.add(randomText(random, alphabet, 1 + random.nextInt(8)));
            }
            List<String> unique = patterns.stream().distinct().toList();
            Set<String> vocabulary = new HashSet<>(unique);
            TermMatcher ours = new TermMatcher(unique);
            for (int prompt = 0; prompt < 30; prompt++) {
                String text = randomText(random, alphabet, random.nextInt(300));
                Set<String> expected = new HashSet<>();
                for (int begin = 0; begin < text.length(); begin++) {
                    for (int end = begin + 1; end <= Math.min(text.length(), begin + 8); end++) {
                        if (vocabulary.contains(text.substring(begin, end))) {
                            expected.add(text.substring(begin, end) + "@" + begin);
                        }
                    }
                }
                assertThat(hits(ours, unique, text)).isEqualTo(expected);
            }
        }
    }

    /**
     * A vocabulary large enough for a dense Latin trie (every 3-letter prefix taken, long failure chains), 4 000
     * distinct Han characters (codes in the thousands, so labels and bases far apart) and Latin/Han siblings whose
     * frequency order differs from their character order.
     */
    @Test
    void findsEveryOccurrenceInALargeMixedVocabulary() {
        Random random = new Random(7);
        Set<String> vocabulary = new HashSet<>();
        while (vocabulary.size() < 60_000) {
            int length = 2 + random.nextInt(7);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append((char) (random.nextInt(3) == 0 ? 0x4E00 + random.nextInt(4000) : 'a' + random.nextInt(26)));
            }
            vocabulary.add(s.toString());
        }
        List<String> patterns = List.copyOf(vocabulary);
        TermMatcher matcher = new TermMatcher(patterns);
        for (int prompt = 0; prompt < 200; prompt++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 400; i++) {
                text.append((char) (random.nextInt(8) == 0 ? 0x4E00 + random.nextInt(4000) : 'a' + random.nextInt(26)));
            }
            Set<String> expected = new HashSet<>();
            for (int begin = 0; begin < text.length(); begin++) {
                for (int end = begin + 2; end <= Math.min(text.length(), begin + 8); end++) {
                    if (vocabulary.contains(text.substring(begin, end))) {
                        expected.add(text.substring(begin, end) + "@" + begin);
                    }
                }
            }
            assertThat(hits(matcher, patterns, text.toString())).isEqualTo(expected);
        }
    }

    private static Set<String> hits(TermMatcher matcher, List<String> patterns, String text) {
        Set<String> hits = new HashSet<>();
        char[] chars = (text + "tail that must be ignored").toCharArray();
        matcher.scan(chars, text.length(), (begin, end, p) -> {
            assertThat(text.substring(begin, end)).isEqualTo(patterns.get(p));
            hits.add(patterns.get(p) + "@" + begin);
        });
        return hits;
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (alphabet.equals("wide")) {
                // Latin, Han and everything else, surrogates included
                s.append((char)
                        (random.nextInt(4) == 0
                                ? random.nextInt(0x10000)
                                : random.nextBoolean() ? 'a' + random.nextInt(26) : 0x4E00 + random.nextInt(40)));
            } else {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return s.toString();
    }
}
