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
        List<PdqHash> haystack = PdqResources.lines("haystack.txt").stream().map(PdqHash::fromHex).toList();
        List<PdqHash> needles = PdqResources.lines("needles.txt").stream().map(PdqHash::fromHex).toList();
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
            assertThat(found).as("the upstream needles do find something at the usual threshold").isPositive();
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
            long[] words = {stored.get(target).w0(), stored.get(target).w1(), stored.get(target).w2(),
                    stored.get(target).w3()};
            int flips = random.nextInt(32);
            for (int f = 0; f < flips; f++) {
                int bit = random.nextInt(256);
                words[bit >> 6] ^= 1L << (bit & 63);
            }
            PdqHash query = PdqHash.fromBits(words);
            List<MultiIndexHash.Match> found = index.find(query);
            assertThat(found).extracting(MultiIndexHash.Match::id).contains(target).doesNotHaveDuplicates();
            assertThat(sorted(found)).isEqualTo(sorted(index.bruteForce(query)));
        }
    }
}
