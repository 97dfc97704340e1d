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
 * {@code int}: the stored hash's NEXT TWO chunks round the ring, so both further inequalities are tested on the
 * entry itself, sequentially, before its id is read and the full 256-bit comparison made (random accesses). With uniformly random hashes (the worst case: real PDQ hashes cluster) a candidate survives the
 * inline test with probability ~6·10⁻⁵, so at 10M stored hashes a query reads ~41k inline entries and compares ~2
 * in full, instead of 10M.
 *
 * <p>Each chunk table gives every bucket (chunk value) a fixed run of a header and {@code capacity} slots, so that a
 * probe's address follows from the query alone: no directory to read first, and all 272 probes of a lookup can be
 * in flight at once. The capacity is the mean bucket size plus three standard deviations (for uniform hashes); a
 * bucket that does not fit (rare for uniform hashes, common for clustered ones) lives in a spill array instead,
 * its header pointing there. No boxing, no per-bucket objects; immutable once built and safe for concurrent readers.
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
    /** Entries per bucket run; a run is a header slot (see {@link #pairs}) and {@code capacity} entry slots. */
    private final int capacity;
    /**
     * Per table: bucket {@code b}'s run at {@code b * (capacity + 1)}: a header (the entry count, or
     * {@code -(offset + 1)} of an overflow run in {@link #spillPairs}), then each entry's next two chunks
     * ({@code chunk(c + 2) << 16 | chunk(c + 1)}). Only these are scanned; ids are read for the few that pass.
     */
    private final int[][] pairs = new int[CHUNKS][];
    /** Per table: the id of the entry in the same slot of {@link #pairs}. */
    private final int[][] ids = new int[CHUNKS][];
    /** Per table: overflow runs, each its count followed by its entries, ids in the same slots of spillIds. */
    private final int[][] spillPairs = new int[CHUNKS][];
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
            probes[bits] = java.util.stream.IntStream.range(0, BUCKETS).filter(m -> Integer.bitCount(m) == b)
                    .toArray();
        }
        double mean = (double) size / BUCKETS;
        this.capacity = (int) Math.ceil(mean + 3 * Math.sqrt(mean));
        int stride = capacity + 1;
        for (int c = 0; c < CHUNKS; c++) {
            int[] count = new int[BUCKETS];
            for (int id = 0; id < size; id++) {
                count[chunk(words, id, c)]++;
            }
            int[] table = new int[BUCKETS * stride];
            int spilled = 0;
            for (int b = 0; b < BUCKETS; b++) {
                if (count[b] > capacity) {
                    table[b * stride] = -(spilled + 1);
                    spilled += 1 + count[b];
                } else {
                    table[b * stride] = count[b];
                }
            }
            int[] tableIds = new int[table.length];
            int[] overflow = new int[spilled];
            int[] overflowIds = new int[spilled];
            int[] fill = new int[BUCKETS];
            int n1 = (c + 1) % CHUNKS;
            int n2 = (c + 2) % CHUNKS;
            for (int id = 0; id < size; id++) {
                int b = chunk(words, id, c);
                int pair = chunk(words, id, n2) << 16 | chunk(words, id, n1);
                int k = ++fill[b];
                int header = table[b * stride];
                if (header >= 0) {
                    table[b * stride + k] = pair;
                    tableIds[b * stride + k] = id;
                } else {
                    int at = -header - 1;
                    overflow[at] = count[b];
                    overflow[at + k] = pair;
                    overflowIds[at + k] = id;
                }
            }
            pairs[c] = table;
            ids[c] = tableIds;
            spillPairs[c] = overflow;
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
        // Phase 1: touch every probed bucket's header, then the rest of its entries (not the empty slack). The
        // addresses of the first pass depend on the query alone, so the CPU overlaps those cache misses; the second
        // pass reads the now cached headers. Scanning bucket by bucket would wait for each miss in turn.
        int stride = capacity + 1;
        long touched = 0;
        for (int c = 0; c < CHUNKS; c++) {
            int value = values[c];
            int[] table = pairs[c];
            for (int first = 0; first <= oneChunk; first++) {
                for (int mask : probes[first]) {
                    touched += table[(value ^ mask) * stride];
                }
            }
        }
        for (int c = 0; c < CHUNKS; c++) {
            int value = values[c];
            int[] table = pairs[c];
            for (int first = 0; first <= oneChunk; first++) {
                for (int mask : probes[first]) {
                    int from = (value ^ mask) * stride;
                    int n = table[from];
                    if (n < 0) {
                        touched += spillPairs[c][-n - 1];
                        continue;
                    }
                    // one slot per further cache line (16 slots each), and the last entry
                    for (int k = from + 16; k < from + n; k += 16) {
                        touched += table[k];
                    }
                    touched += table[from + n];
                }
            }
        }
        // Phase 2: scan the (now cached) runs; only entries passing the two- and three-chunk tests are compared.
        // The touching loads must not be optimised away: their sum decides (harmlessly) how the result starts.
        List<Match> matches = touched == 0x5DEECE66DL ? new ArrayList<>(4) : null;
        for (int c = 0; c < CHUNKS; c++) {
            int value = values[c];
            int pair = values[(c + 2) % CHUNKS] << 16 | values[(c + 1) % CHUNKS];
            int[] table = pairs[c];
            for (int first = 0; first <= oneChunk; first++) {
                int budget2 = twoChunks - first;
                int budget3 = threeChunks - first;
                for (int mask : probes[first]) {
                    int from = (value ^ mask) * stride;
                    int[] run = table;
                    int[] runIds = ids[c];
                    int n = table[from];
                    if (n < 0) {
                        run = spillPairs[c];
                        runIds = spillIds[c];
                        from = -n - 1;
                        n = run[from];
                    }
                    for (int k = from + 1, to = from + 1 + n; k < to; k++) {
                        int x = run[k] ^ pair;
                        if (Integer.bitCount(x) <= budget3 && Integer.bitCount(x & 0xFFFF) <= budget2) {
                            matches = compare(runIds[k], q0, q1, q2, q3, matches);
                        }
                    }
                }
            }
        }
        return matches == null ? List.of() : matches;
    }

    /** The full comparison, for the few entries that pass the inline tests. */
    private List<Match> compare(int id, long q0, long q1, long q2, long q3, List<Match> matches) {
        int base = id * 4;
        int d = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
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
            int d = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                    + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
            if (d <= maxDistance) {
                matches.add(new Match(id, d));
            }
        }
        return matches;
    }
}
