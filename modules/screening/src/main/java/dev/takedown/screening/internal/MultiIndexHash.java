package dev.takedown.screening.internal;

import dev.takedown.screening.PdqHash;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-index hashing (Norouzi et al.) with a pigeonring filter (Qin et al., VLDB 2018) over 256-bit hashes.
 *
 * <p>The bits are cut into a ring of 16 chunks of 16 bits; {@code d_c} is the query's distance on chunk {@code c}.
 * If the total distance is at most {@code D}, then (the "gas station" lemma) some chunk {@code i} starts a run along
 * the ring whose every prefix stays within its share: {@code d_i <= D/16}, {@code d_i + d_(i+1) <= 2D/16} and
 * {@code d_i + d_(i+1) + d_(i+2) <= 3D/16} (each rounded down). A lookup therefore probes, for every chunk {@code i},
 * the buckets within {@code D/16} bits of the query's chunk value (17 buckets for D = 31). Each bucket entry is one
 * {@code long}: the stored hash's id and, inline, its NEXT TWO chunks round the ring, so both further inequalities
 * are tested on the entry itself, sequentially, before any full 256-bit comparison (a random access into
 * {@code words}). With uniformly random hashes (the worst case: real PDQ hashes cluster) a candidate survives the
 * inline test with probability ~6·10⁻⁵, so at 10M stored hashes a query reads ~41k inline entries and compares ~2
 * in full, instead of 10M.
 *
 * <p>Each chunk table is a counting sort: {@code start[value]..start[value + 1]} delimit the entries (ids ascending)
 * whose chunk has that value. No boxing, no per-bucket objects; immutable once built and safe for concurrent readers.
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
    /** Bounds on the run's first chunk, its first two and its first three chunks. */
    private final int oneChunk;
    private final int twoChunks;
    private final int threeChunks;
    /** Per distance of the first chunk (0..oneChunk), the masks with exactly that many bits. */
    private final int[][] probes;
    private final int probed;
    private final int[][] bucketStart = new int[CHUNKS][];
    /** Per table, per entry: {@code id << 32 | chunk(c + 2) << 16 | chunk(c + 1)}. */
    private final long[][] entries = new long[CHUNKS][];

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
        this.threeChunks = 3 * maxDistance / CHUNKS;
        this.probes = new int[oneChunk + 1][];
        int count = 0;
        for (int bits = 0; bits <= oneChunk; bits++) {
            int b = bits;
            probes[bits] = java.util.stream.IntStream.range(0, BUCKETS).filter(m -> Integer.bitCount(m) == b)
                    .toArray();
            count += probes[bits].length;
        }
        this.probed = count;
        for (int c = 0; c < CHUNKS; c++) {
            int[] start = new int[BUCKETS + 1];
            for (int id = 0; id < size; id++) {
                start[chunk(words, id, c) + 1]++;
            }
            for (int b = 0; b < BUCKETS; b++) {
                start[b + 1] += start[b];
            }
            int[] fill = start.clone();
            long[] table = new long[size];
            int n1 = (c + 1) % CHUNKS;
            int n2 = (c + 2) % CHUNKS;
            for (int id = 0; id < size; id++) {
                int at = fill[chunk(words, id, c)]++;
                table[at] = (long) id << 32 | (long) chunk(words, id, n2) << 16 | chunk(words, id, n1);
            }
            bucketStart[c] = start;
            entries[c] = table;
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
        int[] values = new int[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            long w = c < 4 ? q0 : c < 8 ? q1 : c < 12 ? q2 : q3;
            values[c] = (int) (w >>> ((c & 3) * 16)) & 0xFFFF;
        }
        // Phase 1: locate every probed bucket and touch its first entry. These loads are independent, so the CPU
        // overlaps their cache misses; scanning bucket by bucket would wait for each miss in turn.
        int[] ranges = new int[2 * CHUNKS * probed];
        int r = 0;
        long touched = 0;
        for (int c = 0; c < CHUNKS; c++) {
            int value = values[c];
            int[] start = bucketStart[c];
            long[] table = entries[c];
            for (int first = 0; first <= oneChunk; first++) {
                for (int mask : probes[first]) {
                    int bucket = value ^ mask;
                    int lo = start[bucket];
                    int hi = start[bucket + 1];
                    ranges[r++] = lo;
                    ranges[r++] = hi;
                    if (lo < hi) {
                        touched += table[lo];
                    }
                }
            }
        }
        // Phase 2: scan the (now cached) runs; only entries passing the two- and three-chunk tests are compared.
        // the touching loads must not be optimised away: their sum decides (harmlessly) how the result starts
        List<Match> matches = touched == 0x5DEECE66DL ? new ArrayList<>(4) : null;
        long[] words = this.words;
        r = 0;
        for (int c = 0; c < CHUNKS; c++) {
            int pair = values[(c + 2) % CHUNKS] << 16 | values[(c + 1) % CHUNKS];
            long[] table = entries[c];
            for (int first = 0; first <= oneChunk; first++) {
                int budget2 = twoChunks - first;
                int budget3 = threeChunks - first;
                for (int p = probes[first].length; p > 0; p--) {
                    int lo = ranges[r++];
                    int hi = ranges[r++];
                    for (int k = lo; k < hi; k++) {
                        long entry = table[k];
                        int x = (int) entry ^ pair;
                        if (Integer.bitCount(x) > budget3 || Integer.bitCount(x & 0xFFFF) > budget2) {
                            continue;
                        }
                        int id = (int) (entry >>> 32);
                        int base = id * 4;
                        int d = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                                + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
                        if (d <= maxDistance) {
                            if (matches == null) {
                                matches = new ArrayList<>(4);
                            }
                            add(matches, id, d);
                        }
                    }
                }
            }
        }
        return matches == null ? List.of() : matches;
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
