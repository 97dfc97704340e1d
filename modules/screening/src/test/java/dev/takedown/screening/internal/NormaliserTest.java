package dev.takedown.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormaliserTest {

    private final Normaliser normaliser = new Normaliser();
    private final String ultraman = normaliser.normalise("Ultraman").text();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ultraman",
                "ULTRAMAN",
                "UlTrAmAn",
                "Ｕｌｔｒａｍａｎ", // fullwidth
                "Ul\u200Dtra\u200Bman",
                "Ultra\u00ADman",
                "U\uFEFFltraman", // zero-width joiner/space, soft hyphen, BOM
                "Ultr\u0430man", // Cyrillic а
                "Ultr\u03B1m\u03B1n", // Greek α
                "U1traman",
                "U|traman",
                "UItraman", // l / 1 / | / I swaps
                "Ultrarnan", // rn for m
                "U l t r a-man",
                "U.l.t.r.a.m.a.n",
                "Ul-tra_man",
                "Últrámán",
                "U\u0308ltraman", // accents, precomposed and combining
                "𝐔𝐥𝐭𝐫𝐚𝐦𝐚𝐧",
                "Ⓤⓛⓣⓡⓐⓜⓐⓝ" // mathematical bold, circled
            })
    void latinSpellingTricksReachTheSameCompactForm(String spelling) {
        assertThat(normaliser.normalise(spelling).text()).isEqualTo(ultraman);
    }

    @Test
    void differentWordsStayDifferent() {
        assertThat(normaliser.normalise("Ultrawoman").text()).isNotEqualTo(ultraman);
        assertThat(normaliser.normalise("Ultraman").text())
                .isNotEqualTo(normaliser.normalise("Ultranan").text());
    }

    @Test
    void traditionalChineseBecomesSimplified() {
        assertThat(normaliser.normalise("奧特曼").text())
                .isEqualTo(normaliser.normalise("奥特曼").text())
                .isEqualTo("奥特曼");
        assertThat(normaliser.normalise("戴拿").text()).isEqualTo("戴拿");
    }

    @Test
    void hanTermsAlsoMatchAsPinyin() {
        assertThat(normaliser.variants("奥特曼"))
                .hasSize(2)
                .contains("奥特曼", normaliser.normalise("aoteman").text());
        assertThat(normaliser.normalise("ao te man").text())
                .isEqualTo(normaliser.normalise("AoTeMan").text())
                .isEqualTo(normaliser.variants("奧特曼").get(1));
        assertThat(normaliser.variants("Ultraman")).containsExactly(ultraman);
    }

    /** The pinyin variant transliterates only a term's Han parts (for speed) yet equals the whole term's. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "怪兽abcd",
                "Kaiju 怪兽 Prime",
                "重庆",
                "重 庆",
                "重-庆",
                "重1庆",
                "重々庆",
                "重庆Kaiju",
                "Æther怪兽",
                "Øresund 長城 straße",
                "ウルトラマン奥特曼",
                "奥特曼 Тига",
                "〇重庆",
                "Ｕｌｔｒａ奥特曼",
                "𠀀怪兽"
            })
    void pinyinOfMixedTermsEqualsTheWholeTermTransliterated(String term) {
        String whole = com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified; Han-Latin; Latin-ASCII")
                .transliterate(term);
        assertThat(normaliser.variants(term))
                .contains(normaliser.normalise(whole).text());
    }

    @Test
    void kanaBecomesRomaji() {
        assertThat(normaliser.normalise("ウルトラマン").text())
                .isEqualTo(normaliser.normalise("urutoraman").text());
        assertThat(normaliser.normalise("ｳﾙﾄﾗﾏﾝ").text())
                .isEqualTo(normaliser.normalise("urutoraman").text());
        assertThat(normaliser.normalise("うるとらまん").text())
                .isEqualTo(normaliser.normalise("urutoraman").text());
        assertThat(normaliser.normalise("ティガ").text())
                .isEqualTo(normaliser.normalise("tiga").text());
        assertThat(normaliser.normalise("ウルトラマーン").text())
                .isEqualTo(normaliser.normalise("urutoraman").text());
        assertThat(normaliser.normalise("キャッチ").text())
                .isEqualTo(normaliser.normalise("kyatchi").text());
    }

    @Test
    void keepsOffsetsIntoTheOriginalAndWordBoundaries() {
        String original = "a big U l t r a-man! 奧特曼";
        NormalisedText text = normaliser.normalise(original);
        int at = text.text().indexOf(ultraman);
        assertThat(at).isPositive();
        int end = at + ultraman.length();
        assertThat(original.substring(text.start()[at], text.end()[end - 1])).isEqualTo("U l t r a-man");
        assertThat(text.startsWord(at)).isTrue();
        assertThat(text.endsWord(end)).isTrue();
        int han = text.text().indexOf("奥特曼");
        assertThat(original.substring(text.start()[han], text.end()[han + 2])).isEqualTo("奧特曼");
        NormalisedText dynamic = normaliser.normalise("dynamic");
        assertThat(dynamic.endsWord(normaliser.normalise("dyna").length())).isFalse();
        NormalisedText camel = normaliser.normalise("UltraMan");
        assertThat(camel.word()[0]).isNotEqualTo(camel.word()[camel.length() - 1]);
    }

    /**
     * A character's fold is packed into an int the first time it is seen and read from there afterwards. A fresh
     * normaliser takes the full path for every character of a string without repeats, and the packed path the second
     * time: text, offsets and words must not differ. The strings mix every kind next to every other: folds of one
     * character and of several (ﬁ, ß, Ⅻ, İ), none (separators, zero-width, combining marks), kana syllables,
     * traditional Han, camel case, surrogate pairs and lone surrogates.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "AbCd",
                "xﬁy",
                "Straße",
                "Ⅻv",
                "İz",
                "ǅa",
                "Ｕｌ",
                "①②",
                "e\u0301",
                "Ul\u200Dtra",
                "x\u00ADy\uFEFFz",
                "ッキャ",
                "ーa",
                "奧特曼",
                "I|1",
                "𝐔𝐥x",
                "\uD835x",
                "y\uDC14",
                "Ⓤⓛ a-B_c",
                "UltrA",
                "kπΣ"
            })
    void packedFoldsAgreeWithTheFullFold(String distinct) {
        assertSameBothWays(distinct);
    }

    @Test
    void packedFoldsAgreeOnRandomMixedText() {
        int[][] ranges = {
            {0x20, 0x7E},
            {0xA0, 0x24F},
            {0x300, 0x36F},
            {0x370, 0x4FF},
            {0x2000, 0x206F},
            {0x2150, 0x24FF},
            {0x3040, 0x30FF},
            {0x4E00, 0x9FFF},
            {0xAC00, 0xD7A3},
            {0xD800, 0xDFFF},
            {0xFB00, 0xFB06},
            {0xFF00, 0xFFEF},
            {0x1D400, 0x1D7FF},
            {0x1F600, 0x1F64F}
        };
        Random random = new Random(4);
        for (int t = 0; t < 300; t++) {
            Set<Integer> codePoints = new LinkedHashSet<>();
            while (codePoints.size() < 40) {
                int[] range = ranges[random.nextInt(ranges.length)];
                codePoints.add(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            StringBuilder text = new StringBuilder();
            codePoints.forEach(text::appendCodePoint);
            assertSameBothWays(text.toString());
        }
    }

    private static void assertSameBothWays(String text) {
        Normaliser fresh = new Normaliser();
        NormalisedText full = fresh.normalise(text);
        NormalisedText packed = fresh.normalise(text);
        List<String> context = new ArrayList<>();
        text.codePoints().forEach(cp -> context.add(Integer.toHexString(cp)));
        assertThat(packed.text()).as("%s", context).isEqualTo(full.text());
        assertThat(packed.start()).as("%s", context).isEqualTo(full.start());
        assertThat(packed.end()).as("%s", context).isEqualTo(full.end());
        assertThat(packed.word()).as("%s", context).isEqualTo(full.word());
    }
}
