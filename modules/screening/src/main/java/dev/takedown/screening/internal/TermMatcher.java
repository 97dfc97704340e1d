package dev.takedown.screening.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Aho–Corasick over a double array in which each state is one {@code long}: its base, its failure link, the code of
 * the character that leads to it (the label) and a flag "has output". A step reads the current state's record
 * (already in hand) and the one slot its transition would lead to, which, on a match, is the record the next
 * character starts from; at 100k terms the 8-byte records keep the states the scan keeps returning to (the shallow
 * Latin ones) within L2, where records of four ints did not.
 *
 * <p>The label replaces the usual check (the parent's index): bases are kept distinct, so slot {@code t} is the
 * child of state {@code s} for code {@code c} exactly when {@code t = base(s) + c} and {@code label(t) = c}. That
 * frees the bits for the failure link: 16 for the label, 23 each for base and failure link (so at most 2^23 slots,
 * about 1.4 million terms of the benchmark's shape; the constructor refuses more), 1 for the flag.
 *
 * <p>Characters are coded by frequency in the patterns (commonest first), so a state's hot children sit close
 * together; those occurring in no pattern get code 0 and send the automaton straight back to the root, without
 * walking failure links. Each state's output is a run in {@link #outputs} holding every pattern that ends there, its
 * own and its suffixes', so a hit needs no dictionary-link walk; its offset ({@link #outputOf}) is read only where
 * the flag is set. Immutable once built; safe for concurrent readers.
 *
 * <p>Why our own rather than hankcs' {@code AhoCorasickDoubleArrayTrie}: in {@code PromptMatchBenchmark} and
 * {@code PromptBuildBenchmark} (modules/bench, figures in docs/benchmarks.md) it scans faster at 1k, 10k and 100k
 * terms, and its build allocates in proportion to the patterns, where hankcs' sizes its arrays for millions of
 * states whatever it is given: every small index segment of a newly accepted measure paid ~18 MB.
 */
public final class TermMatcher {

    /** Receives every occurrence of every pattern: {@code text[begin, end)} is pattern {@code pattern}. */
    @FunctionalInterface
    public interface Sink {
        void hit(int begin, int end, int pattern);
    }

    private static final int SLOT_BITS = 23;
    static final int MAX_SLOTS = 1 << SLOT_BITS;
    private static final long SLOT_MASK = MAX_SLOTS - 1;
    private static final int BASE_SHIFT = 16;
    private static final int FAIL_SHIFT = BASE_SHIFT + SLOT_BITS;
    /** The sign bit: the state has output. */
    private static final long HAS_OUTPUT = Long.MIN_VALUE;

    /** Per UTF-16 unit, its dense code (1.., commonest first) or 0 if no pattern contains it. */
    private final char[] codes = new char[0x10000];
    /** One record per slot: label in bits 0–15, base, failure link, output flag; the root is slot 0. */
    private final long[] states;
    /** Per slot, the offset of its output run in {@link #outputs}; read only where the record has the flag. */
    private final int[] outputOf;
    /** At each output offset: the number of patterns, then their ids. */
    private final int[] outputs;

    private final int[] lengths;

    /** Patterns are identified by their index in {@code patterns}; empty patterns never match. */
    public TermMatcher(List<String> patterns) {
        int count = patterns.size();
        lengths = new int[count];
        for (int p = 0; p < count; p++) {
            lengths[p] = patterns.get(p).length();
        }
        int alphabet = assignCodes(patterns);
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
        int slots = builder.slots();
        if (slots > MAX_SLOTS) {
            throw new IllegalArgumentException("too many patterns: the automaton needs " + slots + " slots, at most "
                    + MAX_SLOTS + " fit its records");
        }
        states = builder.records(slots);
        outputOf = Arrays.copyOf(builder.outputOf, slots);
        outputs = Arrays.copyOf(builder.outputs, builder.outputSize);
    }

    /**
     * Codes 1.. by descending frequency (ties by character). Counted per distinct character, in arrays the size of
     * the alphabet: a build of a few terms (every new measure's segment) stays small.
     */
    private int assignCodes(List<String> patterns) {
        char[] seen = new char[64];
        int[] frequency = new int[64];
        int alphabet = 0;
        for (String pattern : patterns) {
            for (int i = 0; i < pattern.length(); i++) {
                char ch = pattern.charAt(i);
                int k = codes[ch];
                if (k == 0) {
                    if (alphabet == 0xFFFF) {
                        // code 0 means "in no pattern", so one of the 65 536 UTF-16 units cannot have a code
                        throw new IllegalArgumentException("the patterns use every UTF-16 unit");
                    }
                    if (alphabet == seen.length) {
                        seen = Arrays.copyOf(seen, alphabet * 2);
                        frequency = Arrays.copyOf(frequency, alphabet * 2);
                    }
                    seen[alphabet] = ch;
                    k = ++alphabet;
                    codes[ch] = (char) k;
                }
                frequency[k - 1]++;
            }
        }
        long[] keyed = new long[alphabet];
        for (int k = 0; k < alphabet; k++) {
            keyed[k] = ((long) (Integer.MAX_VALUE - frequency[k]) << 16) | seen[k];
        }
        Arrays.sort(keyed);
        for (int k = 0; k < alphabet; k++) {
            codes[(int) (keyed[k] & 0xFFFF)] = (char) (k + 1);
        }
        return alphabet;
    }

    public int patternLength(int pattern) {
        return lengths[pattern];
    }

    /** Reports every occurrence in {@code text[0, length)}, in order of its end. */
    public void scan(char[] text, int length, Sink sink) {
        long[] st = states;
        char[] cd = codes;
        int s = 0;
        long record = st[0];
        for (int i = 0; i < length; i++) {
            int c = cd[text[i]];
            if (c == 0) {
                s = 0;
                record = st[0];
                continue;
            }
            while (true) {
                int t = (int) (record >>> BASE_SHIFT & SLOT_MASK) + c;
                long target = st[t];
                if ((char) target == c) {
                    s = t;
                    record = target;
                    break;
                }
                if (s == 0) {
                    break;
                }
                s = (int) (record >>> FAIL_SHIFT & SLOT_MASK);
                record = st[s];
            }
            if (record < 0) {
                emit(outputOf[s], i + 1, sink);
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
        // build-time records: base, check (the parent), failure link
        private static final int STRIDE = 3;
        private static final int BASE = 0;
        private static final int CHECK = 1;
        private static final int FAIL = 2;

        private final String[] sorted;
        private final int[] ids;
        private final char[] codes;
        private final int alphabet;
        private int[] st;
        int[] outputOf;
        private final BitSet used = new BitSet();
        /** Bases taken: distinct bases make a child's label as good a check as its parent's index. */
        private final BitSet bases = new BitSet();

        private int firstFree = 1;
        private int highest;
        private static final int WINDOW = 4096;
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
            int slots = Math.max(1024, 2 * alphabet + 2);
            this.st = new int[STRIDE * slots];
            this.outputOf = new int[slots];
            Arrays.fill(st, -1);
        }

        void build() {
            used.set(0);
            st[CHECK] = -1;
            st[FAIL] = 0;
            enqueue(0, 0, sorted.length, 0);
            // per child: code << 32 | index of its first sorted pattern, so that sorting orders children by code
            long[] children = new long[alphabet + 1];
            int[] childCodes = new int[alphabet + 1];
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
                int count = 0;
                for (int k = from; k < hi; ) {
                    char ch = sorted[k].charAt(depth);
                    int end = k + 1;
                    while (end < hi && sorted[end].charAt(depth) == ch) {
                        end++;
                    }
                    children[count++] = ((long) codes[ch] << 32) | k;
                    k = end;
                }
                if (count == 0) {
                    st[state * STRIDE + BASE] = 0;
                    continue;
                }
                Arrays.sort(children, 0, count);
                for (int k = 0; k < count; k++) {
                    childCodes[k] = (int) (children[k] >>> 32);
                }
                int base = place(childCodes, count);
                st[state * STRIDE + BASE] = base;
                for (int k = 0; k < count; k++) {
                    int code = childCodes[k];
                    int child = base + code;
                    int childLo = (int) children[k];
                    // a child's patterns run until the next child's first one (children by code are not in
                    // sorted-pattern order, so look the end up by character rather than by position)
                    int childHi = childLo + 1;
                    char ch = sorted[childLo].charAt(depth);
                    while (childHi < hi && sorted[childHi].charAt(depth) == ch) {
                        childHi++;
                    }
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
                    outputOf[child] = output(childLo, childHi, depth + 1, outputOf[fail]);
                    enqueue(child, childLo, childHi, depth + 1);
                }
            }
        }

        private int transition(int state, int code) {
            int t = st[state * STRIDE + BASE] + code;
            return t < st.length / STRIDE && st[t * STRIDE + CHECK] == state ? t : -1;
        }

        /**
         * First fit within a window: the smallest unused base at which every child's slot is free, searching from
         * {@link #WINDOW} slots (plus the alphabet) behind the highest slot in use at the latest. Holes further back are given up (as in
         * darts-clone): with distinct bases, most old holes fit no later state, and scanning them again for every
         * state made the build quadratic (100k terms: seconds).
         */
        private int place(int[] childCodes, int children) {
            int first = childCodes[0];
            int pos = Math.max(Math.max(firstFree, highest - alphabet - WINDOW), first + 1);
            while (true) {
                pos = used.nextClearBit(pos);
                int base = pos - first;
                boolean fits = !bases.get(base);
                for (int k = 1; k < children; k++) {
                    if (used.get(base + childCodes[k])) {
                        fits = false;
                        break;
                    }
                }
                if (fits) {
                    bases.set(base);
                    for (int k = 0; k < children; k++) {
                        int slot = base + childCodes[k];
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
            int needed = slot + alphabet + 2;
            if (needed * STRIDE > st.length) {
                int old = st.length;
                int slots = Math.max(needed, old / STRIDE + old / STRIDE / 2);
                st = Arrays.copyOf(st, slots * STRIDE);
                Arrays.fill(st, old, st.length, -1);
                outputOf = Arrays.copyOf(outputOf, slots);
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

        int slots() {
            return highest + alphabet + 2;
        }

        /** The packed records of {@code slots} slots; a free slot is 0, whose label (0) no code matches. */
        long[] records(int slots) {
            long[] out = new long[slots];
            for (int t = 0; t < slots; t++) {
                int parent = st[t * STRIDE + CHECK];
                if (t != 0 && parent < 0) {
                    continue;
                }
                long label = t == 0 ? 0 : t - st[parent * STRIDE + BASE];
                // a leaf's base is 0: base + code then lands on a slot whose label is its code minus a base >= 1
                long base = Math.max(0, st[t * STRIDE + BASE]);
                long fail = st[t * STRIDE + FAIL];
                out[t] = label | base << BASE_SHIFT | fail << FAIL_SHIFT | (outputOf[t] != 0 ? HAS_OUTPUT : 0);
            }
            return out;
        }
    }
}
