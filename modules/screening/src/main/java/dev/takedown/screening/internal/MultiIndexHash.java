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
 * {@code short}: the stored hash's NEXT chunk round the ring, so the second inequality is tested on the entry itself,
 * sequentially. The ~0.26 % of entries that pass (uniformly random hashes, the worst case: real PDQ hashes cluster)
 * have their third chunk read from a parallel array, all together after the scan so that those cache misses overlap,
 * and the ~6·10⁻⁵ that pass that too their id and full 256 bits.
 * So at 1M stored hashes a query scans ~4k entries, reads ~11 third chunks and compares ~0.3 hashes, instead of 1M.
 * Both chunks inline (an {@code int} entry) would spare the ~11 third-chunk reads but double the bytes scanned: at
 * 1M a bucket's run would take two cache lines instead of one, and the probes' cache misses are what a lookup costs.
 *
 * <p>Each chunk table gives every bucket (chunk value) a fixed run of a header and {@code capacity} slots, so that a
 * probe's address follows from the query alone: no directory to read first, and all 272 probes of a lookup can be
 * in flight at once. A run holds at least the mean bucket size plus three standard deviations (for uniform hashes);
 * a bucket that does not fit (rare for uniform hashes, common for clustered ones) lives in a spill array instead. The
 * run length is rounded up to a power of two up to a 64-byte cache line (at 1M: 32 slots, a header and up to 31
 * entries, of ~15 on average), to whole lines beyond, so that every run starts at the same offset within a line and
 * spans as few lines as its size allows.
 * No boxing, no per-bucket objects; immutable once built and safe for concurrent readers.
 */
public final class MultiIndexHash {

    /** A stored hash within the distance of the query; {@code id} is its position in the input list. */
    public record Match(int id, int distance) {}

    private static final int CHUNKS = 16;
    private static final int BUCKETS = 1 << 16;
    /** {@code short} slots per 64-byte cache line. */
    private static final int LINE = 32;
    /** In a noted entry of phase 2 of {@link #find}: the slot is in the spill arrays. */
    private static final long SPILLED = 1L << 36;

    private final long[] words;
    private final int size;
    private final int maxDistance;
    /** Bounds on the run's first chunk, its first two and its first three chunks. */
    private final int oneChunk;

    private final int twoChunks;
    private final int threeChunks;
    /** Per distance of the first chunk (0..oneChunk), the masks with exactly that many bits. */
    private final int[][] probes;
    /** Slots per bucket run (see {@link #nexts}): a header and the capacity of entries. */
    private final int stride;
    /**
     * Per table: bucket {@code b}'s run at {@code b * stride}: a header (the entry count, or -1 if the bucket is
     * in {@link #spillNexts}), then each entry's next chunk ({@code chunk(c + 1)}). Only these are scanned.
     */
    private final short[][] nexts = new short[CHUNKS][];
    /** Per table: the entry's chunk after that ({@code chunk(c + 2)}), in the same slot as in {@link #nexts}. */
    private final short[][] thirds = new short[CHUNKS][];
    /** Per table: the entry's id, in the same slot as in {@link #nexts}; at a spilled bucket's header, its offset. */
    private final int[][] ids = new int[CHUNKS][];
    /** Per table: overflow runs, each its count (in spillIds) followed by its entries, in the same three arrays. */
    private final short[][] spillNexts = new short[CHUNKS][];

    private final short[][] spillThirds = new short[CHUNKS][];
    private final int[][] spillIds = new int[CHUNKS][];

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
        for (int bits = 0; bits <= oneChunk; bits++) {
            int b = bits;
            probes[bits] = java.util.stream.IntStream.range(0, BUCKETS)
                    .filter(m -> Integer.bitCount(m) == b)
                    .toArray();
        }
        double mean = (double) size / BUCKETS;
        int slots = 1 + (int) Math.ceil(mean + 3 * Math.sqrt(mean));
        this.stride = slots <= LINE ? Integer.highestOneBit(slots * 2 - 1) : (slots + LINE - 1) / LINE * LINE;
        int capacity = stride - 1;
        for (int c = 0; c < CHUNKS; c++) {
            int[] count = new int[BUCKETS];
            for (int id = 0; id < size; id++) {
                count[chunk(words, id, c)]++;
            }
            short[] tableNexts = new short[BUCKETS * stride];
            short[] tableThirds = new short[tableNexts.length];
            int[] tableIds = new int[tableNexts.length];
            int spilled = 0;
            for (int b = 0; b < BUCKETS; b++) {
                if (count[b] > capacity) {
                    tableNexts[b * stride] = -1;
                    tableIds[b * stride] = spilled;
                    spilled += 1 + count[b];
                } else {
                    tableNexts[b * stride] = (short) count[b];
                }
            }
            short[] overflowNexts = new short[spilled];
            short[] overflowThirds = new short[spilled];
            int[] overflowIds = new int[spilled];
            int[] fill = new int[BUCKETS];
            int n1 = (c + 1) % CHUNKS;
            int n2 = (c + 2) % CHUNKS;
            for (int id = 0; id < size; id++) {
                int b = chunk(words, id, c);
                int k = ++fill[b];
                short[] runNexts = tableNexts;
                short[] runThirds = tableThirds;
                int[] runIds = tableIds;
                int at = b * stride;
                if (tableNexts[at] < 0) {
                    runNexts = overflowNexts;
                    runThirds = overflowThirds;
                    runIds = overflowIds;
                    at = tableIds[at];
                    overflowIds[at] = count[b];
                }
                runNexts[at + k] = (short) chunk(words, id, n1);
                runThirds[at + k] = (short) chunk(words, id, n2);
                runIds[at + k] = id;
            }
            nexts[c] = tableNexts;
            thirds[c] = tableThirds;
            ids[c] = tableIds;
            spillNexts[c] = overflowNexts;
            spillThirds[c] = overflowThirds;
            spillIds[c] = overflowIds;
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
        // Phase 1: touch every probed bucket's header, then the further cache lines of its entries (not the empty
        // slack). The addresses of the first pass depend on the query alone, so the CPU overlaps those cache
        // misses; the second pass reads the now cached headers. Scanning bucket by bucket would wait for each miss
        // in turn.
        int stride = this.stride;
        long touched = 0;
        for (int c = 0; c < CHUNKS; c++) {
            int value = values[c];
            short[] table = nexts[c];
            for (int first = 0; first <= oneChunk; first++) {
                for (int mask : probes[first]) {
                    touched += table[(value ^ mask) * stride];
                }
            }
        }
        for (int c = 0; c < CHUNKS; c++) {
            int value = values[c];
            short[] table = nexts[c];
            for (int first = 0; first <= oneChunk; first++) {
                for (int mask : probes[first]) {
                    int from = (value ^ mask) * stride;
                    int n = table[from];
                    if (n < 0) {
                        touched += spillIds[c][ids[c][from]];
                        continue;
                    }
                    for (int k = from + LINE; k < from + n; k += LINE) {
                        touched += table[k];
                    }
                    touched += table[from + n];
                }
            }
        }
        // Phase 2: scan the (now cached) runs; entries passing the two-chunk test are only noted (their slot, table,
        // whether spilled, and the budget left for the third chunk). Reading each one's third chunk right there
        // would be a cache miss the scan waits for; noted, they are read together in phase 3, overlapped.
        long[] passed = new long[64];
        int count = 0;
        for (int c = 0; c < CHUNKS; c++) {
            int value = values[c];
            int next = values[(c + 1) % CHUNKS];
            short[] table = nexts[c];
            for (int first = 0; first <= oneChunk; first++) {
                int budget2 = twoChunks - first;
                long budget3 = threeChunks - first;
                for (int mask : probes[first]) {
                    int from = (value ^ mask) * stride;
                    short[] run = table;
                    long where = (long) c << 32;
                    int n = table[from];
                    if (n < 0) {
                        run = spillNexts[c];
                        from = ids[c][from];
                        n = spillIds[c][from];
                        where |= SPILLED;
                    }
                    for (int k = from + 1, to = from + 1 + n; k < to; k++) {
                        int d2 = Integer.bitCount((run[k] ^ next) & 0xFFFF);
                        if (d2 <= budget2) {
                            if (count == passed.length) {
                                passed = java.util.Arrays.copyOf(passed, count * 2);
                            }
                            passed[count++] = where | (budget3 - d2) << 40 | k;
                        }
                    }
                }
            }
        }
        // Phase 3: the three-chunk test on the noted entries, and the full comparison for those that pass it.
        // The touching loads must not be optimised away: their sum decides (harmlessly) how the result starts.
        List<Match> matches = touched == 0x5DEECE66DL ? new ArrayList<>(4) : null;
        for (int i = 0; i < count; i++) {
            long p = passed[i];
            int c = (int) (p >>> 32) & 0xF;
            int k = (int) p;
            boolean spilled = (p & SPILLED) != 0;
            short third = (spilled ? spillThirds[c] : thirds[c])[k];
            if (Integer.bitCount((third ^ values[(c + 2) % CHUNKS]) & 0xFFFF) <= (int) (p >>> 40)) {
                matches = compare((spilled ? spillIds[c] : ids[c])[k], q0, q1, q2, q3, matches);
            }
        }
        return matches == null ? List.of() : matches;
    }

    /** The full comparison, for the few entries that pass the inline tests. */
    private List<Match> compare(int id, long q0, long q1, long q2, long q3, List<Match> matches) {
        int base = id * 4;
        int d = Long.bitCount(words[base] ^ q0)
                + Long.bitCount(words[base + 1] ^ q1)
                + Long.bitCount(words[base + 2] ^ q2)
                + Long.bitCount(words[base + 3] ^ q3);
        if (d > maxDistance) {
            return matches;
        }
        List<Match> found = matches == null ? new ArrayList<>(4) : matches;
        add(found, id, d);
        return found;
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
            int d = Long.bitCount(words[base] ^ q0)
                    + Long.bitCount(words[base + 1] ^ q1)
                    + Long.bitCount(words[base + 2] ^ q2)
                    + Long.bitCount(words[base + 3] ^ q3);
            if (d <= maxDistance) {
                matches.add(new Match(id, d));
            }
        }
        return matches;
    }
}
