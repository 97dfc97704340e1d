package dev.takedown.screening.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Aho–Corasick over a double array whose four fields per state (base, check, failure link, output list) sit
 * side by side in one {@code int[]}: following a transition reads one 16-byte record, and the record reached is
 * the one the next character starts from, so a step costs one cache line where separate base/check/fail/output
 * arrays cost three or four (at 100k terms the arrays outgrow L2 and those misses are the matcher's time).
 *
 * <p>Characters are remapped to dense codes: those occurring in no pattern get code 0 and send the automaton
 * straight back to the root, without walking failure links. Each state's output is a run in {@link #outputs}
 * holding every pattern that ends there, its own and its suffixes', so a hit needs no dictionary-link walk.
 * Immutable once built; safe for concurrent readers.
 *
 * <p>Why our own rather than hankcs' {@code AhoCorasickDoubleArrayTrie}: in {@code PromptMatchBenchmark} and
 * {@code PromptBuildBenchmark} (modules/bench, figures in docs/benchmarks.md) it scans faster at 1k and 10k terms and
 * no slower at 100k, and its build allocates in proportion to the patterns, where hankcs' sizes its arrays for
 * millions of states whatever it is given: every small index segment of a newly accepted measure paid ~18 MB.
 */
public final class TermMatcher {

    /** Receives every occurrence of every pattern: {@code text[begin, end)} is pattern {@code pattern}. */
    @FunctionalInterface
    public interface Sink {
        void hit(int begin, int end, int pattern);
    }

    private static final int STRIDE = 4;
    private static final int BASE = 0;
    private static final int CHECK = 1;
    private static final int FAIL = 2;
    private static final int OUT = 3;

    /** Per UTF-16 unit, its dense code (1..) or 0 if no pattern contains it. */
    private final char[] codes = new char[0x10000];
    /** The interleaved records; state {@code s} is slot {@code s}; the root is slot 0. */
    private final int[] states;
    /** At each output offset: the number of patterns, then their ids. Offset 0 means "no output". */
    private final int[] outputs;
    private final int[] lengths;

    /** Patterns are identified by their index in {@code patterns}; empty patterns never match. */
    public TermMatcher(List<String> patterns) {
        int count = patterns.size();
        lengths = new int[count];
        boolean[] present = new boolean[0x10000];
        for (int p = 0; p < count; p++) {
            String s = patterns.get(p);
            lengths[p] = s.length();
            for (int i = 0; i < s.length(); i++) {
                present[s.charAt(i)] = true;
            }
        }
        // codes in character order, so that a state's children sorted by character are sorted by code
        int alphabet = 0;
        for (int c = 0; c < present.length; c++) {
            if (present[c]) {
                codes[c] = (char) ++alphabet;
            }
        }
        Integer[] boxed = new Integer[count];
        for (int p = 0; p < count; p++) {
            boxed[p] = p;
        }
        Arrays.sort(boxed, (a, b) -> patterns.get(a).compareTo(patterns.get(b)));
        int[] order = new int[count];
        String[] sorted = new String[count];
        for (int k = 0; k < count; k++) {
            order[k] = boxed[k];
            sorted[k] = patterns.get(order[k]);
        }
        Builder builder = new Builder(sorted, order, codes, alphabet);
        builder.build();
        states = builder.trimmed();
        outputs = Arrays.copyOf(builder.outputs, builder.outputSize);
    }

    public int patternLength(int pattern) {
        return lengths[pattern];
    }

    /** Reports every occurrence in {@code text[0, length)}, in order of its end. */
    public void scan(char[] text, int length, Sink sink) {
        int[] st = states;
        char[] cd = codes;
        int s = 0;
        for (int i = 0; i < length; i++) {
            int c = cd[text[i]];
            if (c == 0) {
                s = 0;
                continue;
            }
            while (true) {
                int t = st[s * STRIDE + BASE] + c;
                if (st[t * STRIDE + CHECK] == s) {
                    s = t;
                    break;
                }
                if (s == 0) {
                    break;
                }
                s = st[s * STRIDE + FAIL];
            }
            int out = st[s * STRIDE + OUT];
            if (out != 0) {
                emit(out, i + 1, sink);
            }
        }
    }

    public void scan(CharSequence text, Sink sink) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = text.charAt(i);
        }
        scan(chars, chars.length, sink);
    }

    private void emit(int out, int end, Sink sink) {
        for (int k = out + 1, last = out + outputs[out]; k <= last; k++) {
            int pattern = outputs[k];
            sink.hit(end - lengths[pattern], end, pattern);
        }
    }

    /** Breadth-first placement of the sorted patterns' trie into the double array, failure links as it goes. */
    private static final class Builder {
        private final String[] sorted;
        private final int[] ids;
        private final char[] codes;
        private final int alphabet;
        private int[] st;
        private final BitSet used = new BitSet();
        private int firstFree = 1;
        private int highest;
        int[] outputs = new int[1024];
        int outputSize = 1;

        // the queue of placed states: slot, first and last+1 sorted pattern sharing its prefix, depth
        private int[] queue = new int[4 * 1024];
        private int head;
        private int tail;

        Builder(String[] sorted, int[] ids, char[] codes, int alphabet) {
            this.sorted = sorted;
            this.codes = codes;
            this.ids = ids;
            this.alphabet = alphabet;
            this.st = new int[STRIDE * Math.max(1024, 2 * alphabet + 2)];
            Arrays.fill(st, -1);
        }

        void build() {
            used.set(0);
            st[CHECK] = -1;
            st[FAIL] = 0;
            st[OUT] = 0;
            enqueue(0, 0, sorted.length, 0);
            int[] childCodes = new int[alphabet + 1];
            int[] childFrom = new int[alphabet + 2];
            while (head < tail) {
                int state = queue[head];
                int lo = queue[head + 1];
                int hi = queue[head + 2];
                int depth = queue[head + 3];
                head += 4;
                // patterns of exactly this length end here and come first in sorted order
                int from = lo;
                while (from < hi && sorted[from].length() == depth) {
                    from++;
                }
                int children = 0;
                for (int k = from; k < hi; ) {
                    char ch = sorted[k].charAt(depth);
                    int end = k + 1;
                    while (end < hi && sorted[end].charAt(depth) == ch) {
                        end++;
                    }
                    childCodes[children] = ch;
                    childFrom[children] = k;
                    children++;
                    k = end;
                }
                childFrom[children] = hi;
                if (children == 0) {
                    setBase(state, 0);
                    continue;
                }
                int base = place(childCodes, children);
                setBase(state, base);
                for (int k = 0; k < children; k++) {
                    int code = codeOf(childCodes[k]);
                    int child = base + code;
                    st[child * STRIDE + CHECK] = state;
                    int fail = 0;
                    if (state != 0) {
                        for (int f = st[state * STRIDE + FAIL]; ; f = st[f * STRIDE + FAIL]) {
                            int t = transition(f, code);
                            if (t >= 0) {
                                fail = t;
                                break;
                            }
                            if (f == 0) {
                                break;
                            }
                        }
                    }
                    st[child * STRIDE + FAIL] = fail;
                    st[child * STRIDE + OUT] = output(childFrom[k], childFrom[k + 1], depth + 1,
                            st[fail * STRIDE + OUT]);
                    enqueue(child, childFrom[k], childFrom[k + 1], depth + 1);
                }
            }
        }

        private int codeOf(int ch) {
            return codes[ch];
        }

        private int transition(int state, int code) {
            int base = st[state * STRIDE + BASE];
            int t = base + code;
            return t < st.length / STRIDE && st[t * STRIDE + CHECK] == state ? t : -1;
        }

        private void setBase(int state, int base) {
            st[state * STRIDE + BASE] = base;
        }

        /** First fit: the smallest base at which every child's slot is free. */
        private int place(int[] childChars, int children) {
            int first = codeOf(childChars[0]);
            int pos = Math.max(firstFree, first + 1);
            while (true) {
                pos = used.nextClearBit(pos);
                int base = pos - first;
                boolean fits = true;
                for (int k = 1; k < children; k++) {
                    if (used.get(base + codeOf(childChars[k]))) {
                        fits = false;
                        break;
                    }
                }
                if (fits) {
                    for (int k = 0; k < children; k++) {
                        int slot = base + codeOf(childChars[k]);
                        used.set(slot);
                        ensure(slot);
                        highest = Math.max(highest, slot);
                    }
                    firstFree = used.nextClearBit(firstFree);
                    return base;
                }
                pos++;
            }
        }

        private void ensure(int slot) {
            // every state's base + any code must stay inside the array, so keep an alphabet's worth of slack
            int needed = (slot + alphabet + 2) * STRIDE;
            if (needed > st.length) {
                int old = st.length;
                st = Arrays.copyOf(st, Math.max(needed, old + old / 2));
                Arrays.fill(st, old, st.length, -1);
            }
        }

        /** The patterns ending at a new state followed by those of its failure state (already complete). */
        private int output(int lo, int hi, int depth, int inherited) {
            int own = 0;
            while (lo + own < hi && sorted[lo + own].length() == depth) {
                own++;
            }
            if (own == 0) {
                return inherited;
            }
            int more = inherited == 0 ? 0 : outputs[inherited];
            int at = outputSize;
            if (at + 1 + own + more > outputs.length) {
                outputs = Arrays.copyOf(outputs, Math.max(at + 1 + own + more, outputs.length * 2));
            }
            outputs[at] = own + more;
            for (int k = 0; k < own; k++) {
                outputs[at + 1 + k] = ids[lo + k];
            }
            if (more > 0) {
                System.arraycopy(outputs, inherited + 1, outputs, at + 1 + own, more);
            }
            outputSize = at + 1 + own + more;
            return at;
        }

        private void enqueue(int state, int lo, int hi, int depth) {
            if (tail + 4 > queue.length) {
                if (head > queue.length / 2) {
                    System.arraycopy(queue, head, queue, 0, tail - head);
                    tail -= head;
                    head = 0;
                } else {
                    queue = Arrays.copyOf(queue, queue.length * 2);
                }
            }
            queue[tail++] = state;
            queue[tail++] = lo;
            queue[tail++] = hi;
            queue[tail++] = depth;
        }

        int[] trimmed() {
            int slots = highest + alphabet + 2;
            int[] out = Arrays.copyOf(st, slots * STRIDE);
            for (int s = 0; s < slots; s++) {
                // free slots and leaves: a base of 0 is safe because check then never names them
                if (out[s * STRIDE + BASE] < 0) {
                    out[s * STRIDE + BASE] = 0;
                }
            }
            return out;
        }
    }
}
