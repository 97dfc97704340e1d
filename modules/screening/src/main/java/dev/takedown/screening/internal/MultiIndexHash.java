package dev.takedown.screening.internal;

import dev.takedown.screening.PdqHash;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-index hashing (Norouzi et al.) over 256-bit hashes: the bits are cut into 16 chunks of 16 bits, and by the
 * pigeonhole principle any hash within distance {@code d} agrees with the query within {@code d / 16} bits on at
 * least one chunk. Each chunk is indexed by its value in a flat bucket table (counting sort, no boxing), so a lookup
 * probes the few chunk values near the query's and verifies only those candidates. Immutable once built.
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
    private final int[] probes;
    private final int[][] bucketStart = new int[CHUNKS][];
    private final int[][] bucketIds = new int[CHUNKS][];

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
        this.probes = masksUpTo(maxDistance / CHUNKS);
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
            for (int id = 0; id < size; id++) {
                ids[fill[chunk(words, id, c)]++] = id;
            }
            bucketStart[c] = start;
            bucketIds[c] = ids;
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

    /** All 16-bit masks with at most {@code radius} bits set. */
    private static int[] masksUpTo(int radius) {
        return java.util.stream.IntStream.range(0, BUCKETS).filter(m -> Integer.bitCount(m) <= radius)
                .sorted().toArray();
    }

    public int size() {
        return size;
    }

    public int maxDistance() {
        return maxDistance;
    }

    /** Every stored hash within {@link #maxDistance()} of {@code query}, each once. */
    public List<Match> find(PdqHash query) {
        long q0 = query.w0();
        long q1 = query.w1();
        long q2 = query.w2();
        long q3 = query.w3();
        List<Match> matches = new ArrayList<>();
        for (int c = 0; c < CHUNKS; c++) {
            int value = (int) (query.word(c >> 2) >>> ((c & 3) * 16)) & 0xFFFF;
            int[] start = bucketStart[c];
            int[] ids = bucketIds[c];
            for (int mask : probes) {
                int bucket = value ^ mask;
                for (int k = start[bucket]; k < start[bucket + 1]; k++) {
                    int id = ids[k];
                    int base = id * 4;
                    int d = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                            + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
                    // a hash close on several chunks is seen several times; report it from its first close chunk
                    if (d <= maxDistance && firstCloseChunk(id, query) == c) {
                        matches.add(new Match(id, d));
                    }
                }
            }
        }
        return matches;
    }

    private int firstCloseChunk(int id, PdqHash query) {
        int radius = maxDistance / CHUNKS;
        for (int c = 0; c < CHUNKS; c++) {
            int mine = chunk(words, id, c);
            int theirs = (int) (query.word(c >> 2) >>> ((c & 3) * 16)) & 0xFFFF;
            if (Integer.bitCount(mine ^ theirs) <= radius) {
                return c;
            }
        }
        return -1;
    }

    /** The same answer by comparing against every stored hash; the reference for tests and benchmarks. */
    public List<Match> bruteForce(PdqHash query) {
        List<Match> matches = new ArrayList<>();
        for (int id = 0; id < size; id++) {
            int base = id * 4;
            int d = Long.bitCount(words[base] ^ query.w0()) + Long.bitCount(words[base + 1] ^ query.w1())
                    + Long.bitCount(words[base + 2] ^ query.w2()) + Long.bitCount(words[base + 3] ^ query.w3());
            if (d <= maxDistance) {
                matches.add(new Match(id, d));
            }
        }
        return matches;
    }
}
