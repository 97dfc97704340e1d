package dev.takedown.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.screening.PdqHash;
import dev.takedown.screening.PdqResources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiIndexHashTest {

    private static final Comparator<MultiIndexHash.Match> BY_ID = Comparator.comparingInt(MultiIndexHash.Match::id);

    private static List<MultiIndexHash.Match> sorted(List<MultiIndexHash.Match> matches) {
        return matches.stream().sorted(BY_ID).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 31, 47, 63})
    void upstreamHaystackAndNeedlesGiveTheBruteForceAnswer(int distance) {
        List<PdqHash> haystack = PdqResources.lines("haystack.txt").stream()
                .map(PdqHash::fromHex)
                .toList();
        List<PdqHash> needles =
                PdqResources.lines("needles.txt").stream().map(PdqHash::fromHex).toList();
        assertThat(haystack).hasSize(1350);
        assertThat(needles).hasSize(100);
        MultiIndexHash index = new MultiIndexHash(haystack, distance);
        int found = 0;
        for (PdqHash needle : needles) {
            List<MultiIndexHash.Match> expected = index.bruteForce(needle);
            assertThat(sorted(index.find(needle))).as("needle %s", needle).isEqualTo(sorted(expected));
            found += expected.size();
        }
        if (distance == 31) {
            assertThat(found)
                    .as("the upstream needles do find something at the usual threshold")
                    .isPositive();
        }
    }

    @Test
    void findsPlantedNearDuplicatesAmongRandomHashesEachOnce() {
        Random random = new Random(7);
        List<PdqHash> stored = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            stored.add(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        }
        MultiIndexHash index = new MultiIndexHash(stored, 31);
        for (int q = 0; q < 200; q++) {
            int target = random.nextInt(stored.size());
            long[] words = {
                stored.get(target).w0(),
                stored.get(target).w1(),
                stored.get(target).w2(),
                stored.get(target).w3()
            };
            int flips = random.nextInt(32);
            for (int f = 0; f < flips; f++) {
                int bit = random.nextInt(256);
                words[bit >> 6] ^= 1L << (bit & 63);
            }
            PdqHash query = PdqHash.fromBits(words);
            List<MultiIndexHash.Match> found = index.find(query);
            assertThat(found)
                    .extracting(MultiIndexHash.Match::id)
                    .contains(target)
                    .doesNotHaveDuplicates();
            assertThat(sorted(found)).isEqualTo(sorted(index.bruteForce(query)));
        }
    }

    /**
     * Distances spread as evenly as possible over the 16 chunks (the pigeonring's hardest case), concentrated in a
     * few chunks, and at every distance 0..31, at every rotation, among clustered and random stored hashes.
     */
    @Test
    void adversarialDistributionsOfTheFlippedBitsAreAllFound() {
        Random random = new Random(11);
        List<PdqHash> stored = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            stored.add(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        }
        // a cluster: near-duplicates of one hash, as real PDQ hashes of edited copies of one image are
        PdqHash centre = stored.get(0);
        for (int i = 0; i < 2_000; i++) {
            stored.add(flip(centre, spread(random, random.nextInt(40), random.nextInt(16)), random));
        }
        MultiIndexHash index = new MultiIndexHash(stored, 31);
        int checked = 0;
        for (int distance = 0; distance <= 31; distance++) {
            for (int rotation = 0; rotation < 16; rotation++) {
                for (int[] perChunk : List.of(
                        spread(random, distance, rotation),
                        lumped(random, distance, rotation),
                        randomSplit(random, distance))) {
                    int target = random.nextInt(stored.size());
                    PdqHash query = flip(stored.get(target), perChunk, random);
                    assertThat(query.distance(stored.get(target))).isEqualTo(distance);
                    List<MultiIndexHash.Match> found = index.find(query);
                    assertThat(found)
                            .extracting(MultiIndexHash.Match::id)
                            .contains(target)
                            .doesNotHaveDuplicates();
                    assertThat(sorted(found)).isEqualTo(sorted(index.bruteForce(query)));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(32 * 16 * 3);
    }

    /**
     * Among random hashes, a neighbour planted at every distance 0..40 and every spread of its flipped bits over the
     * chunks: found (and only what brute force finds) up to 31 bits, not found from 32 on.
     */
    @Test
    void plantedNeighboursAreFoundUpToTheThresholdAndNotBeyond() {
        Random random = new Random(13);
        List<PdqHash> stored = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            stored.add(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        }
        List<PdqHash> queries = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        for (int distance = 0; distance <= 40; distance++) {
            for (int rotation = 0; rotation < 16; rotation++) {
                for (int[] perChunk : List.of(
                        spread(random, distance, rotation),
                        lumped(random, distance, rotation),
                        randomSplit(random, distance))) {
                    PdqHash query =
                            new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
                    stored.add(flip(query, perChunk, random));
                    queries.add(query);
                    distances.add(distance);
                }
            }
        }
        MultiIndexHash index = new MultiIndexHash(stored, 31);
        for (int q = 0; q < queries.size(); q++) {
            int planted = 30_000 + q;
            List<MultiIndexHash.Match> found = index.find(queries.get(q));
            assertThat(sorted(found)).isEqualTo(sorted(index.bruteForce(queries.get(q))));
            if (distances.get(q) <= 31) {
                assertThat(found)
                        .as("distance %d", distances.get(q))
                        .contains(new MultiIndexHash.Match(planted, distances.get(q)));
            } else {
                assertThat(found)
                        .as("distance %d", distances.get(q))
                        .extracting(MultiIndexHash.Match::id)
                        .doesNotContain(planted);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 16, 17, 40, 64})
    void otherThresholdsKeepFullRecall(int distance) {
        Random random = new Random(distance);
        List<PdqHash> stored = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            stored.add(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        }
        MultiIndexHash index = new MultiIndexHash(stored, distance);
        for (int q = 0; q < 100; q++) {
            int target = random.nextInt(stored.size());
            PdqHash query = flip(stored.get(target), spread(random, random.nextInt(distance + 1), q % 16), random);
            assertThat(sorted(index.find(query)))
                    .isEqualTo(sorted(index.bruteForce(query)))
                    .extracting(MultiIndexHash.Match::id)
                    .contains(target);
        }
    }

    /** {@code distance} bits spread round-robin over the chunks starting at {@code rotation}. */
    private static int[] spread(Random random, int distance, int rotation) {
        int[] perChunk = new int[16];
        for (int k = 0; k < distance; k++) {
            perChunk[(rotation + k) % 16]++;
        }
        return perChunk;
    }

    /** {@code distance} bits packed into as few chunks as possible. */
    private static int[] lumped(Random random, int distance, int rotation) {
        int[] perChunk = new int[16];
        for (int c = rotation, left = distance; left > 0; c = (c + 1) % 16) {
            perChunk[c] = Math.min(16, left);
            left -= perChunk[c];
        }
        return perChunk;
    }

    private static int[] randomSplit(Random random, int distance) {
        int[] perChunk = new int[16];
        for (int k = 0; k < distance; k++) {
            int c;
            do {
                c = random.nextInt(16);
            } while (perChunk[c] == 16);
            perChunk[c]++;
        }
        return perChunk;
    }

    /** Flips exactly {@code perChunk[c]} distinct bits of chunk {@code c} (bits 16c..16c+15). */
    private static PdqHash flip(PdqHash hash, int[] perChunk, Random random) {
        long[] words = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        for (int c = 0; c < 16; c++) {
            int mask = 0;
            while (Integer.bitCount(mask) < perChunk[c]) {
                mask |= 1 << random.nextInt(16);
            }
            words[c >> 2] ^= (long) mask << ((c & 3) * 16);
        }
        return PdqHash.fromBits(words);
    }
}
