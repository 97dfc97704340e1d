package dev.takedown.bench.screening;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our own Aho–Corasick automaton, kept as the "ours" candidate of {@link PromptMatchBenchmark}: flat arrays, a dense
 * table for the root and sorted child runs for the other states. It lost to hankcs' double-array trie (see
 * docs/benchmarks.md), so the screening engine uses the library; this stays so the comparison can be rerun.
 */
public final class TermAutomaton {

    /** Receives every occurrence: pattern {@code pattern} ends at {@code end} (exclusive). */
    @FunctionalInterface
    public interface Hits {
        void hit(int end, int pattern);
    }

    private final int[] rootNext = new int[0x10000];
    private final int[] childStart;
    private final char[] labels;
    private final int[] targets;
    private final int[] fail;
    private final int[] pattern;
    private final int[] dictionary;
    private final int[] patternLength;

    /** Patterns are identified by their index in {@code patterns}; empty patterns never match. */
    public TermAutomaton(List<String> patterns) {
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<Integer> terminal = new ArrayList<>();
        trie.add(new HashMap<>());
        terminal.add(-1);
        patternLength = new int[patterns.size()];
        for (int p = 0; p < patterns.size(); p++) {
            String s = patterns.get(p);
            patternLength[p] = s.length();
            if (s.isEmpty()) {
                continue;
            }
            int state = 0;
            for (int i = 0; i < s.length(); i++) {
                Integer next = trie.get(state).get(s.charAt(i));
                if (next == null) {
                    next = trie.size();
                    trie.get(state).put(s.charAt(i), next);
                    trie.add(new HashMap<>());
                    terminal.add(-1);
                }
                state = next;
            }
            if (terminal.get(state) < 0) {
                terminal.set(state, p);
            }
        }
        int states = trie.size();
        childStart = new int[states + 1];
        int edges = 0;
        for (int s = 0; s < states; s++) {
            childStart[s] = edges;
            edges += s == 0 ? 0 : trie.get(s).size();
        }
        childStart[states] = edges;
        labels = new char[edges];
        targets = new int[edges];
        for (int s = 1; s < states; s++) {
            Character[] keys = trie.get(s).keySet().toArray(new Character[0]);
            Arrays.sort(keys);
            for (int k = 0; k < keys.length; k++) {
                labels[childStart[s] + k] = keys[k];
                targets[childStart[s] + k] = trie.get(s).get(keys[k]);
            }
        }
        trie.get(0).forEach((c, t) -> rootNext[c] = t);
        pattern = terminal.stream().mapToInt(Integer::intValue).toArray();
        fail = new int[states];
        dictionary = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>(trie.get(0).values());
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int f = fail[s];
            dictionary[s] = pattern[f] >= 0 ? f : dictionary[f];
            for (int e = childStart[s]; e < childStart[s + 1]; e++) {
                int child = targets[e];
                fail[child] = next(f, labels[e]);
                queue.add(child);
            }
        }
    }

    private int next(int state, char c) {
        while (true) {
            if (state == 0) {
                return rootNext[c];
            }
            int from = childStart[state];
            int to = childStart[state + 1];
            int found = to - from <= 8 ? linear(from, to, c) : Arrays.binarySearch(labels, from, to, c);
            if (found >= 0) {
                return targets[found];
            }
            state = fail[state];
        }
    }

    private int linear(int from, int to, char c) {
        for (int e = from; e < to; e++) {
            if (labels[e] == c) {
                return e;
            }
        }
        return -1;
    }

    public int patternLength(int pattern) {
        return patternLength[pattern];
    }

    public void scan(CharSequence text, Hits hits) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            state = next(state, text.charAt(i));
            int out = pattern[state] >= 0 ? state : dictionary[state];
            while (out > 0) {
                hits.hit(i + 1, pattern[out]);
                out = dictionary[out];
            }
        }
    }
}
