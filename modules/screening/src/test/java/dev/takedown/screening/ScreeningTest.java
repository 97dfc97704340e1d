package dev.takedown.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.takedown.events.ScreeningRule;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

public class ScreeningTest {

    public static final ScreeningRule ULTRAMAN = new ScreeningRule(
            "奥特曼 Ultraman",
            List.of("奥特曼", "Ultraman", "ウルトラマン", "迪迦", "Tiga", "戴拿", "Dyna"),
            List.of(new ScreeningRule.Combination(List.of("giant", "red and silver", "colour timer"), 2, 6)),
            List.of("licensee-1"),
            List.of("d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22"),
            List.of());

    private final Screening screening = new Screening();

    @Test
    void blocksTermsWithSpansInTheOriginalPromptAndABilingualWarning() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        String prompt = "画一个 U l t r а-man 和 奧特曼 fighting";
        PromptVerdict verdict = screening.checkPrompt(prompt, "acct-9");
        assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
        assertThat(verdict.measureIds()).containsExactly("m-1");
        assertThat(verdict.spans()).extracting(MatchedSpan::text).containsExactly("U l t r а-man", "奧特曼");
        assertThat(verdict.spans()).extracting(MatchedSpan::term).containsExactly("Ultraman", "奥特曼");
        MatchedSpan first = verdict.spans().get(0);
        assertThat(prompt.substring(first.start(), first.end())).isEqualTo("U l t r а-man");
        assertThat(verdict.warning()).contains("风险提示", "Risk warning", "奥特曼 Ultraman");
    }

    @Test
    void pinyinRomajiAndCharacterNamesBlock() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        for (String prompt : List.of(
                "aoteman in the city",
                "Ao Te Man",
                "urutoraman",
                "ULTRAMAN TIGA poster",
                "ｄｉｊｉａ",
                "the hero Dyna flies",
                "ultramans everywhere")) {
            assertThat(screening.checkPrompt(prompt, null).decision())
                    .as(prompt)
                    .isEqualTo(Decision.BLOCK);
        }
    }

    @Test
    void shortTermsNeedWordBoundariesSoOrdinaryWordsPass() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        for (String prompt :
                List.of("a dynamic landscape", "antigate", "an ultra marathon", "地价 上涨", "a cultramanic dance")) {
            PromptVerdict verdict = screening.checkPrompt(prompt, null);
            assertThat(verdict.decision()).as(prompt).isEqualTo(Decision.ALLOW);
            assertThat(verdict.measureIds()).isEmpty();
            assertThat(verdict.warning()).isNull();
        }
    }

    @Test
    void aCandidateTermIsWeighedWithTheScreeningMatcherAndChangesNothing() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        List<String> texts =
                List.of("draw the sea at dawn", "the ao te man poster", "奥特曼大战怪兽", "a dynamic landscape", "THE END");

        assertThat(screening.blockedBy("the", texts))
                .as("whole words after normalisation, like a prompt check")
                .containsExactly("draw the sea at dawn", "the ao te man poster", "THE END");
        assertThat(screening.blockedBy("Dyna", texts))
                .as("a short term needs a word end")
                .isEmpty();
        assertThat(screening.blockedBy("奥特曼", texts))
                .as("a Han term matches its pinyin too")
                .containsExactly("the ao te man poster", "奥特曼大战怪兽");
        assertThat(screening.blockedBy(" ", texts)).isEmpty();
        assertThat(screening.checkPrompt("draw the sea at dawn", null).decision())
                .as("the probe joins no index")
                .isEqualTo(Decision.ALLOW);
        assertThat(screening.activeFilters()).isEqualTo(1);
    }

    @Test
    void combinationsWithinTheWindowGoToReviewOutsideItPass() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        PromptVerdict near = screening.checkPrompt("a giant hero in red and silver armour", null);
        assertThat(near.decision()).isEqualTo(Decision.REVIEW);
        assertThat(near.spans()).extracting(MatchedSpan::kind).containsOnly(MatchedSpan.COMBINATION);
        assertThat(near.spans()).extracting(MatchedSpan::text).containsExactly("giant", "red and silver");
        assertThat(near.warning()).contains("review");

        assertThat(screening
                        .checkPrompt(
                                "a giant robot walks through the quiet old town at dusk, then far later"
                                        + " someone wears red and silver",
                                null)
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(screening.checkPrompt("a giant giant giant", null).decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(screening
                        .checkPrompt("giant Ultraman with a colour timer", null)
                        .decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void licenseesOfEveryMatchingMeasureMayGenerate() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        PromptVerdict licensed = screening.checkPrompt("Ultraman Tiga", "licensee-1");
        assertThat(licensed.decision()).isEqualTo(Decision.ALLOW);
        assertThat(licensed.licensedMeasureIds()).containsExactly("m-1");

        screening.apply("m-2", "case-2", new ScreeningRule("Tiga", List.of("Tiga"), null, null, null, null));
        PromptVerdict partly = screening.checkPrompt("Ultraman Tiga", "licensee-1");
        assertThat(partly.decision()).isEqualTo(Decision.BLOCK);
        assertThat(partly.measureIds()).containsExactly("m-2");
        assertThat(partly.licensedMeasureIds()).containsExactly("m-1");
    }

    @Test
    void liftingAMeasureAllowsThePromptAgainAndRemovesItsUrlBlock() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        screening.update(List.of(new MeasureChange.BlockUrl("m-3", "https://gen.example/img/1")));
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.BLOCK);
        assertThat(screening.urls().check("https://gen.example/img/1")).isPresent();

        screening.lift("m-1");
        screening.lift("m-3");
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.ALLOW);
        assertThat(screening.urls().check("https://gen.example/img/1")).isEmpty();
        assertThat(screening.activeFilters()).isZero();
    }

    @Test
    void reapplyingReplacesTheRule() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        screening.apply("m-1", "case-1", new ScreeningRule("Tiga", List.of("Tiga"), null, null, null, null));
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.ALLOW);
        assertThat(screening.checkPrompt("Tiga", null).decision()).isEqualTo(Decision.BLOCK);
        assertThat(screening.activeFilters()).isEqualTo(1);
    }

    @Test
    void anInvalidRuleChangesNothing() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        ScreeningRule bad = new ScreeningRule("x", List.of("Tiga"), null, null, List.of("not-hex"), null);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> screening.update(
                        List.of(new MeasureChange.Lift("m-1"), new MeasureChange.Apply("m-2", "c", bad))));
        assertThat(screening.checkPrompt("Ultraman", null).decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void imagesMatchByBytesUnderAnyRotationAndByHash() {
        screening.apply("m-1", "case-1", ULTRAMAN);
        byte[] rotated = PdqResources.bytes("dih/bridge-2-rotate-90.jpg");
        ImageVerdict verdict = screening.checkImage(rotated, "acct");
        assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
        assertThat(verdict.measureIds()).containsExactly("m-1");
        assertThat(verdict.matches().get(0).distance()).isLessThanOrEqualTo(31);
        assertThat(verdict.quality()).isNotNull();
        assertThat(screening.checkImage(rotated, "licensee-1").decision()).isEqualTo(Decision.ALLOW);

        byte[] unrelated = PdqResources.bytes("labelme/q0003.jpg");
        assertThat(screening.checkImage(unrelated, "acct").decision()).isEqualTo(Decision.ALLOW);

        PdqHash near = PdqHash.fromHex("d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22");
        assertThat(screening.checkImage(near, "acct").decision()).isEqualTo(Decision.BLOCK);
        screening.lift("m-1");
        assertThat(screening.checkImage(near, "acct").decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void readersKeepAnsweringWhileMeasuresChange() throws InterruptedException {
        screening.apply("m-1", "case-1", ULTRAMAN);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    if (screening.checkPrompt("Ultraman", null).decision() != Decision.BLOCK) {
                        failure.set(new AssertionError("m-1 stopped blocking during an unrelated change"));
                    }
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            }
        });
        reader.start();
        for (int i = 0; i < 50; i++) {
            screening.apply("other-" + i, "c", new ScreeningRule("w" + i, List.of("word" + i), null, null, null, null));
            screening.lift("other-" + (i - 1));
        }
        stop.set(true);
        reader.join();
        assertThat(failure.get()).isNull();
        assertThat(screening.activeFilters()).isEqualTo(2);
    }
}
