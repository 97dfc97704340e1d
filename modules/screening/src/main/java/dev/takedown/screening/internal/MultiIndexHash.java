package dev.takedown.screening.internal;

import dev.takedown.screening.PdqHash;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-index hashing (Norouzi et al.) with a pigeonring filter (Qin et al., VLDB 2018) over 256-bit hashes.
 *
 * <p>The bits are cut into a ring of 16 chunks of 16 bits; {@code d_c} is the query's distance on chunk {@code c}.
 * If the total distance is at most {@code D}, then (the "gas station" lemma) some chunk {@code i} starts a run along
 * the ring whose every prefix stays within its share: {@code d_i <= D/16} and {@code d_i + d_(i+1) <= 2D/16}. A lookup
 * therefore probes, for every chunk {@code i}, the buckets within {@code D/16} bits of the query's chunk value (17
 * buckets for D = 31), and inside those buckets reads only the candidate's NEXT chunk, stored inline as a
 * {@code char} next to the bucket's ids, to test the second inequality. That rejects ~99 % of the bucket
 * sequentially, two bytes per candidate, before any full 256-bit comparison (a random access into {@code words}).
 * With uniformly random hashes (the worst case: real PDQ hashes cluster) at 10M stored hashes a query scans ~42k
 * inline chars and compares ~100 full hashes, instead of 10M.
 *
 * <p>Each chunk table is a counting sort: {@code start[value]..start[value + 1]} delimit the ids (ascending) whose
 * chunk has that value. No boxing, no per-bucket objects; immutable once built and safe for concurrent readers.
 */
public final class MultiIndexHash {

    /** A stored hash within the distance of the query; {@code id} is its position in the input list. */
    public record Match(int id, int distance) {
    }

    private static final int CHUNKS = 16;
    private static final int BUCKETS = 1 << 16;

    private final long[] words;
    private final int size;
    private final int maxDistance;
    /** Bound on one chunk's distance for the run's first chunk, and on the first two chunks together. */
    private final int oneChunk;
    private final int twoChunks;
    /** Per distance of the first chunk (0..oneChunk), the masks with exactly that many bits. */
    private final int[][] probes;
    private final int[][] bucketStart = new int[CHUNKS][];
    private final int[][] bucketIds = new int[CHUNKS][];
    /** Per table, per entry: the entry's value of the next chunk round the ring. */
    private final char[][] bucketNext = new char[CHUNKS][];
    /** Per thread, the probed buckets' [lo, hi) pairs of one lookup. */
    private final ThreadLocal<int[]> rangeBuffer;

    public MultiIndexHash(List<PdqHash> hashes, int maxDistance) {
        this(flatten(hashes), hashes.size(), maxDistance);
    }

    /** {@code words} holds four longs per hash, as {@link PdqHash#word(int)} 0..3. */
    public MultiIndexHash(long[] words, int size, int maxDistance) {
        if (maxDistance < 0 || maxDistance > 255) {
            throw new IllegalArgumentException("distance must be in 0..255");
        }
        this.words = words;
        this.size = size;
        this.maxDistance = maxDistance;
        this.oneChunk = Math.min(16, maxDistance / CHUNKS);
        this.twoChunks = 2 * maxDistance / CHUNKS;
        this.probes = new int[oneChunk + 1][];
        int probed = 0;
        for (int bits = 0; bits <= oneChunk; bits++) {
            int b = bits;
            probes[bits] = java.util.stream.IntStream.range(0, BUCKETS).filter(m -> Integer.bitCount(m) == b)
                    .toArray();
            probed += probes[bits].length;
        }
        int rangeSize = 2 * CHUNKS * probed;
        this.rangeBuffer = ThreadLocal.withInitial(() -> new int[rangeSize]);
        for (int c = 0; c < CHUNKS; c++) {
            int[] start = new int[BUCKETS + 1];
            for (int id = 0; id < size; id++) {
                start[chunk(words, id, c) + 1]++;
            }
            for (int b = 0; b < BUCKETS; b++) {
                start[b + 1] += start[b];
            }
            int[] fill = start.clone();
            int[] ids = new int[size];
            char[] next = new char[size];
            int n = (c + 1) % CHUNKS;
            for (int id = 0; id < size; id++) {
                int at = fill[chunk(words, id, c)]++;
                ids[at] = id;
                next[at] = (char) chunk(words, id, n);
            }
            bucketStart[c] = start;
            bucketIds[c] = ids;
            bucketNext[c] = next;
        }
    }

    private static long[] flatten(List<PdqHash> hashes) {
        long[] words = new long[hashes.size() * 4];
        for (int i = 0; i < hashes.size(); i++) {
            for (int w = 0; w < 4; w++) {
                words[i * 4 + w] = hashes.get(i).word(w);
            }
        }
        return words;
    }

    private static int chunk(long[] words, int id, int c) {
        return (int) (words[id * 4 + (c >> 2)] >>> ((c & 3) * 16)) & 0xFFFF;
    }

    private static int chunk(long q0, long q1, long q2, long q3, int c) {
        long w = switch (c >> 2) {
            case 0 -> q0;
            case 1 -> q1;
            case 2 -> q2;
            default -> q3;
        };
        return (int) (w >>> ((c & 3) * 16)) & 0xFFFF;
    }

    public int size() {
        return size;
    }

    public int maxDistance() {
        return maxDistance;
    }

    /** Every stored hash within {@link #maxDistance()} of {@code query}, each once, in no particular order. */
    public List<Match> find(PdqHash query) {
        long q0 = query.w0();
        long q1 = query.w1();
        long q2 = query.w2();
        long q3 = query.w3();
        List<Match> matches = new ArrayList<>(4);
        int[] values = new int[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            values[c] = chunk(q0, q1, q2, q3, c);
        }
        long[] words = this.words;
        // Phase 1: locate every probed bucket and touch its first inline entry. These loads are independent, so
        // the CPU overlaps their cache misses; scanning bucket by bucket would wait for each miss in turn.
        int[] ranges = rangeBuffer.get();
        int r = 0;
        int touched = 0;
        for (int c = 0; c < CHUNKS; c++) {
            int value = values[c];
            int[] start = bucketStart[c];
            char[] next = bucketNext[c];
            for (int first = 0; first <= oneChunk; first++) {
                for (int mask : probes[first]) {
                    int bucket = value ^ mask;
                    int lo = start[bucket];
                    int hi = start[bucket + 1];
                    ranges[r++] = lo;
                    ranges[r++] = hi;
                    if (lo < hi) {
                        touched += next[lo];
                    }
                }
            }
        }
        // Phase 2: scan the (now cached) runs; only entries passing the two-chunk filter are compared in full.
        r = 0;
        for (int c = 0; c < CHUNKS; c++) {
            int nextValue = values[(c + 1) % CHUNKS];
            int[] ids = bucketIds[c];
            char[] next = bucketNext[c];
            for (int first = 0; first <= oneChunk; first++) {
                int budget = twoChunks - first;
                for (int p = probes[first].length; p > 0; p--) {
                    int lo = ranges[r++];
                    int hi = ranges[r++];
                    for (int k = lo; k < hi; k++) {
                        if (Integer.bitCount(next[k] ^ nextValue) > budget) {
                            continue;
                        }
                        int id = ids[k];
                        int base = id * 4;
                        int d = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                                + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
                        if (d <= maxDistance) {
                            add(matches, id, d);
                        }
                    }
                }
            }
        }
        if (touched == -1) {
            // never true (chars are non-negative); keeps the touching loads from being optimised away
            matches.add(null);
        }
        return matches;
    }

    /** A hash may qualify from several starting chunks; matches are few, so a linear check beats any set. */
    private static void add(List<Match> matches, int id, int distance) {
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).id() == id) {
                return;
            }
        }
        matches.add(new Match(id, distance));
    }

    /** The same answer by comparing against every stored hash; the reference for tests and benchmarks. */
    public List<Match> bruteForce(PdqHash query) {
        List<Match> matches = new ArrayList<>();
        long q0 = query.w0();
        long q1 = query.w1();
        long q2 = query.w2();
        long q3 = query.w3();
        for (int id = 0; id < size; id++) {
            int base = id * 4;
            int d = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                    + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
            if (d <= maxDistance) {
                matches.add(new Match(id, d));
            }
        }
        return matches;
    }
}
