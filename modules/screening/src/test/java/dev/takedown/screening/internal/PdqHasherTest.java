package dev.takedown.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.screening.PdqHash;
import dev.takedown.screening.PdqResources;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Meta's reference images (ThreatExchange, BSD licence; see src/test/resources/pdq). */
class PdqHasherTest {

    private static final ImageDecoder DECODER = new ImageDecoder(50_000_000L);
    private final PdqHasher hasher = new PdqHasher();

    static Stream<String[]> expected() {
        return PdqResources.lines("expected.csv").stream().skip(1).map(l -> l.split(","));
    }

    PdqHasher.Result hash(String file) {
        return hasher.hash(DECODER.decode(PdqResources.bytes(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void hashesWithin16BitsOfTheReference(String file, String reference, String source) {
        PdqHash hash = hash(file).hash();
        assertThat(hash.distance(PdqHash.fromHex(reference)))
                .as("%s vs %s (%s)", hash, reference, source)
                .isLessThanOrEqualTo(16);
    }

    @Test
    void everyBridgeEditMatchesTheOriginal() {
        PdqHash original = hash("bridge-mods/aaa-orig.jpg").hash();
        List<String> edits = expected()
                .map(r -> r[0])
                .filter(f -> f.startsWith("bridge-mods/"))
                .toList();
        assertThat(edits).hasSize(12);
        for (String edit : edits) {
            assertThat(hash(edit).hash().distance(original)).as(edit).isLessThanOrEqualTo(31);
        }
    }

    @Test
    void everyDihedralTransformIsFoundThroughTheVariants() {
        PdqHash original = hash("dih/bridge-1-original.jpg").hash();
        List<String> transforms =
                expected().map(r -> r[0]).filter(f -> f.startsWith("dih/")).toList();
        assertThat(transforms).hasSize(8);
        for (String file : transforms) {
            PdqHasher.Result transformed = hash(file);
            assertThat(transformed.dihedral()).hasSize(8);
            int nearest = transformed.dihedral().stream()
                    .mapToInt(h -> h.distance(original))
                    .min()
                    .orElseThrow();
            assertThat(nearest).as(file).isLessThanOrEqualTo(31);
            if (!file.endsWith("original.jpg")) {
                assertThat(transformed.hash().distance(original))
                        .as("%s unrotated", file)
                        .isGreaterThan(31);
            }
        }
    }

    @Test
    void dihedralVariantsOfOneImageAreEightDistinctHashesThatFindEachTransform() {
        List<PdqHash> variants = hash("dih/bridge-1-original.jpg").dihedral();
        assertThat(variants).doesNotHaveDuplicates();
        for (String file :
                expected().map(r -> r[0]).filter(f -> f.startsWith("dih/")).toList()) {
            PdqHash transformed = hash(file).hash();
            assertThat(variants.stream()
                            .mapToInt(v -> v.distance(transformed))
                            .min()
                            .orElseThrow())
                    .as(file)
                    .isLessThanOrEqualTo(31);
        }
    }

    @Test
    void unrelatedImagesDoNotMatchTheBridge() {
        PdqHasher.Result bridge = hash("bridge-mods/aaa-orig.jpg");
        List<String> unrelated = expected()
                .map(r -> r[0])
                .filter(f -> f.startsWith("labelme/") || f.startsWith("misc/"))
                .toList();
        assertThat(unrelated).hasSize(10);
        for (String file : unrelated) {
            PdqHasher.Result other = hash(file);
            for (PdqHash variant : other.dihedral()) {
                assertThat(variant.distance(bridge.hash())).as(file).isGreaterThan(31);
            }
        }
    }

    @Test
    void hexRoundTripsAndRejectsGarbage() {
        String hex = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22";
        assertThat(PdqHash.fromHex(hex).toHex()).isEqualTo(hex);
        assertThat(PdqHash.fromHex(hex.toUpperCase()).toHex()).isEqualTo(hex);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PdqHash.fromHex(hex.substring(1)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PdqHash.fromHex(hex.substring(1) + "g"));
    }
}
