package dev.takedown.bench.screening;

import dev.takedown.screening.PdqHash;
import dev.takedown.screening.internal.MultiIndexHash;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One PDQ lookup within 31 bits among 1M / 10M uniformly random stored hashes: multi-index hashing vs brute force.
 * Random queries would have no neighbour within 31 bits (and let an index that finds nothing look perfect), so
 * every query is a stored hash with exactly {@code q % 32} distinct bits flipped: each has a true neighbour, at
 * every distance 0..31 alike. Setup checks that MIH returns exactly brute force's matches on a sample, each
 * including the planted neighbour, and fails the run otherwise. Transparent huge pages, as the node's JVM runs
 * with them ({@code docker/Dockerfile}): the index's ~0.2-2 GB of tables are probed at random, and with 4 kB pages
 * nearly every probe would also miss the TLB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g", "-XX:+UseTransparentHugePages"})
public class ImageLookupBenchmark {

    @Param({"1000000", "10000000"})
    public int hashes;

    /** Queries whose recall is checked in setup (brute force at 10M costs ~20 ms each). */
    public int recallSample = 100;

    private MultiIndexHash index;
    private PdqHash[] queries;
    private final int[] planted = new int[1024];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(3);
        long[] words = new long[hashes * 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong();
        }
        index = new MultiIndexHash(words, hashes, 31);
        queries = new PdqHash[1024];
        for (int q = 0; q < queries.length; q++) {
            int id = random.nextInt(hashes);
            long[] query = {words[id * 4], words[id * 4 + 1], words[id * 4 + 2], words[id * 4 + 3]};
            long[] flipped = new long[4];
            for (int f = q % 32; f > 0; ) {
                int bit = random.nextInt(256);
                if ((flipped[bit >> 6] & 1L << (bit & 63)) == 0) {
                    flipped[bit >> 6] |= 1L << (bit & 63);
                    f--;
                }
            }
            for (int w = 0; w < 4; w++) {
                query[w] ^= flipped[w];
            }
            queries[q] = PdqHash.fromBits(query);
            planted[q] = id;
        }
        Comparator<MultiIndexHash.Match> byId = Comparator.comparingInt(MultiIndexHash.Match::id);
        for (int sample = 0; sample < recallSample; sample++) {
            int q = sample * 7 % queries.length;
            List<MultiIndexHash.Match> expected =
                    index.bruteForce(queries[q]).stream().sorted(byId).toList();
            List<MultiIndexHash.Match> actual =
                    index.find(queries[q]).stream().sorted(byId).toList();
            if (expected.stream().noneMatch(m -> m.id() == planted[q]) || !expected.equals(actual)) {
                throw new IllegalStateException("MIH recall below 100 % on query " + q);
            }
        }
    }

    @Benchmark
    public int multiIndex() {
        return index.find(queries[next++ & 1023]).size();
    }

    @Benchmark
    public int bruteForce() {
        return index.bruteForce(queries[next++ & 1023]).size();
    }
}
