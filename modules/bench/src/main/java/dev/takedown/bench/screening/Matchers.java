package dev.takedown.bench.screening;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.takedown.screening.internal.TermMatcher;
import java.util.List;
import java.util.TreeMap;
import org.ahocorasick.trie.Trie;

/** The four candidates, each reduced to "count every occurrence of every pattern in this text". */
public final class Matchers {

    private Matchers() {}

    @FunctionalInterface
    public interface Matcher {
        int count(String text);

        /**
         * The same text as a char buffer too, so that each peer reads its natural input: ours the normaliser's
         * buffer, the libraries a String.
         */
        default int count(String text, char[] chars) {
            return count(text);
        }
    }

    public static Matcher build(String kind, List<String> patterns) {
        return switch (kind) {
            case "ours" -> ours(patterns);
            case "hankcs" -> hankcs(patterns);
            case "robertbor" -> robertBor(patterns);
            case "naive" -> naive(patterns);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The engine's matcher; it reads a char buffer, as the engine's normaliser hands it one. */
    private static Matcher ours(List<String> patterns) {
        TermMatcher matcher = new TermMatcher(patterns);
        int[] hits = {0};
        TermMatcher.Sink sink = (begin, end, p) -> hits[0]++;
        char[] buffer = new char[4096];
        return new Matcher() {
            @Override
            public int count(String text) {
                text.getChars(0, text.length(), buffer, 0);
                return scan(buffer, text.length());
            }

            @Override
            public int count(String text, char[] chars) {
                return scan(chars, chars.length);
            }

            private int scan(char[] chars, int length) {
                hits[0] = 0;
                matcher.scan(chars, length, sink);
                return hits[0];
            }
        };
    }

    private static Matcher hankcs(List<String> patterns) {
        TreeMap<String, Integer> map = new TreeMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            map.put(patterns.get(i), i);
        }
        AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(map);
        int[] hits = {0};
        AhoCorasickDoubleArrayTrie.IHit<Integer> sink = (begin, end, value) -> hits[0]++;
        return text -> {
            hits[0] = 0;
            trie.parseText(text, sink);
            return hits[0];
        };
    }

    private static Matcher robertBor(List<String> patterns) {
        Trie trie = Trie.builder().addKeywords(patterns).build();
        return text -> trie.parseText(text).size();
    }

    /** One {@code indexOf} per pattern: the baseline the automaton has to beat. */
    private static Matcher naive(List<String> patterns) {
        String[] all = patterns.toArray(String[]::new);
        return text -> {
            int hits = 0;
            for (String pattern : all) {
                if (text.contains(pattern)) {
                    hits++;
                }
            }
            return hits;
        };
    }
}
