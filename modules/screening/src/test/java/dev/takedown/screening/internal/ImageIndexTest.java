package dev.takedown.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.events.ScreeningRule;
import dev.takedown.screening.ImageVerdict.ImageMatch;
import dev.takedown.screening.PdqHash;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImageIndexTest {

    private final Normaliser normaliser = new Normaliser();
    private final Random random = new Random(3);

    private String randomHash() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static PdqHash flip(PdqHash hash, int bits) {
        long[] words = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        for (int b = 0; b < bits; b++) {
            words[b / 64] ^= 1L << (b % 64);
        }
        return PdqHash.fromBits(words);
    }

    @Test
    void aSmallIndexScansAndFindsWhatTheMultiIndexHashFinds() {
        List<CompiledMeasure> measures = new ArrayList<>();
        for (int i = 0; i < ImageIndex.SCAN_BELOW; i++) {
            measures.add(CompiledMeasure.compile(
                    "m-" + i,
                    "c",
                    new ScreeningRule("w", List.of("t"), null, null, List.of(randomHash()), null),
                    normaliser));
        }
        ImageIndex large = new ImageIndex(measures, 31);
        ImageIndex small = new ImageIndex(measures.subList(0, 10), 31);
        PdqHash reference = measures.get(3).imageHashes().get(0);
        for (int bits : new int[] {0, 16, 31, 32, 60}) {
            List<PdqHash> query = List.of(flip(reference, bits));
            assertThat(ids(small.find(query)))
                    .as("%d bits", bits)
                    .isEqualTo(ids(large.find(query)))
                    .isEqualTo(bits <= 31 ? Map.of("m-3", bits) : Map.of());
        }
    }

    private static Map<String, Integer> ids(Map<CompiledMeasure, List<ImageMatch>> found) {
        return found.values().stream()
                .flatMap(List::stream)
                .collect(Collectors.toMap(ImageMatch::measureId, ImageMatch::distance));
    }
}
