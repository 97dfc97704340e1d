package dev.takedown.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormaliserTest {

    private final Normaliser normaliser = new Normaliser();
    private final String ultraman = normaliser.normalise("Ultraman").text();

    @ParameterizedTest
    @ValueSource(strings = {
        "ultraman", "ULTRAMAN", "UlTrAmAn",
        "Ｕｌｔｒａｍａｎ",                      // fullwidth
        "Ul\u200Dtra\u200Bman", "Ultra\u00ADman", "U\uFEFFltraman", // zero-width joiner/space, soft hyphen, BOM
        "Ultr\u0430man",                        // Cyrillic а
        "Ultr\u03B1m\u03B1n",                   // Greek α
        "U1traman", "U|traman", "UItraman",     // l / 1 / | / I swaps
        "Ultrarnan",                            // rn for m
        "U l t r a-man", "U.l.t.r.a.m.a.n", "Ul-tra_man",
        "Últrámán", "U\u0308ltraman",           // accents, precomposed and combining
        "𝐔𝐥𝐭𝐫𝐚𝐦𝐚𝐧", "Ⓤⓛⓣⓡⓐⓜⓐⓝ"               // mathematical bold, circled
    })
    void latinSpellingTricksReachTheSameCompactForm(String spelling) {
        assertThat(normaliser.normalise(spelling).text()).isEqualTo(ultraman);
    }

    @Test
    void differentWordsStayDifferent() {
        assertThat(normaliser.normalise("Ultrawoman").text()).isNotEqualTo(ultraman);
        assertThat(normaliser.normalise("Ultraman").text()).isNotEqualTo(normaliser.normalise("Ultranan").text());
    }

    @Test
    void traditionalChineseBecomesSimplified() {
        assertThat(normaliser.normalise("奧特曼").text()).isEqualTo(normaliser.normalise("奥特曼").text())
                .isEqualTo("奥特曼");
        assertThat(normaliser.normalise("戴拿").text()).isEqualTo("戴拿");
    }

    @Test
    void hanTermsAlsoMatchAsPinyin() {
        assertThat(normaliser.variants("奥特曼")).hasSize(2)
                .contains("奥特曼", normaliser.normalise("aoteman").text());
        assertThat(normaliser.normalise("ao te man").text()).isEqualTo(normaliser.normalise("AoTeMan").text())
                .isEqualTo(normaliser.variants("奧特曼").get(1));
        assertThat(normaliser.variants("Ultraman")).containsExactly(ultraman);
    }

    /** The pinyin variant transliterates only a term's Han parts (for speed) yet equals the whole term's. */
    @ParameterizedTest
    @ValueSource(strings = {"怪兽abcd", "Kaiju 怪兽 Prime", "重庆", "重 庆", "重-庆", "重1庆", "重々庆", "重庆Kaiju",
        "Æther怪兽", "Øresund 長城 straße", "ウルトラマン奥特曼", "奥特曼 Тига", "〇重庆", "Ｕｌｔｒａ奥特曼", "𠀀怪兽"})
    void pinyinOfMixedTermsEqualsTheWholeTermTransliterated(String term) {
        String whole = com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified; Han-Latin; Latin-ASCII")
                .transliterate(term);
        assertThat(normaliser.variants(term)).contains(normaliser.normalise(whole).text());
    }

    @Test
    void kanaBecomesRomaji() {
        assertThat(normaliser.normalise("ウルトラマン").text()).isEqualTo(normaliser.normalise("urutoraman").text());
        assertThat(normaliser.normalise("ｳﾙﾄﾗﾏﾝ").text()).isEqualTo(normaliser.normalise("urutoraman").text());
        assertThat(normaliser.normalise("うるとらまん").text()).isEqualTo(normaliser.normalise("urutoraman").text());
        assertThat(normaliser.normalise("ティガ").text()).isEqualTo(normaliser.normalise("tiga").text());
        assertThat(normaliser.normalise("ウルトラマーン").text()).isEqualTo(normaliser.normalise("urutoraman").text());
        assertThat(normaliser.normalise("キャッチ").text()).isEqualTo(normaliser.normalise("kyatchi").text());
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
}
