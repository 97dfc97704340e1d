package dev.takedown.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.SimilarUploads;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stay-down of models and LoRAs: the blocked file, a renamed copy of it, and what each profile answers. */
class SimilarUploadsTest {

    static final String BLOCKED = "a".repeat(64);
    static final String RETRAINED = "b".repeat(64);

    private final List<ScreeningEvents.Event> sent = new CopyOnWriteArrayList<>();
    private final Screening screening = new Screening(
            new ScreeningIndex(),
            new Screening.Options(31, Screening.DEFAULT_MAX_PIXELS, 1, "node-a", Clock.systemUTC()),
            sent::add,
            null);

    @AfterEach
    void close() {
        screening.close();
    }

    private void block(String measureId, String caseId, String sha256, String name, SimilarUploads answer) {
        screening.update(List.of(new MeasureChange.BlockFile(measureId, caseId, sha256, name, answer)));
    }

    @Test
    void theBlockedFileIsRefusedWhateverTheProfile() {
        block("m-eu", "case-eu", BLOCKED, "Ultraman Tiga LoRA", SimilarUploads.REVIEW);

        FileVerdict verdict = screening.checkFile(BLOCKED.toUpperCase(), "something else entirely");

        assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
        assertThat(verdict.reason()).isEqualTo(FileVerdict.Reason.SAME_FILE);
        assertThat(verdict.measureIds()).containsExactly("m-eu");
    }

    @Test
    void aRenamedCopyUnderTheSameNameTokensIsSimilar() {
        block("m-cn", "case-cn", BLOCKED, "Ultraman Tiga LoRA", SimilarUploads.BLOCK);

        for (String renamed : List.of("ultraman_tiga_lora_v2.safetensors", "ＵＬＴＲＡＭＡＮ-Tiga-LoRA (fixed)")) {
            FileVerdict verdict = screening.checkFile(RETRAINED, renamed);
            assertThat(verdict.decision()).as(renamed).isEqualTo(Decision.BLOCK);
            assertThat(verdict.reason()).as(renamed).isEqualTo(FileVerdict.Reason.SIMILAR_TO_BLOCKED);
            assertThat(verdict.measureIds()).as(renamed).containsExactly("m-cn");
        }
    }

    @Test
    void anUnrelatedModelIsAllowed() {
        block("m-cn", "case-cn", BLOCKED, "Ultraman Tiga LoRA", SimilarUploads.BLOCK);

        for (String other : List.of("Gundam RX-78 LoRA", "ultra realistic portraits", "tiga_lora")) {
            FileVerdict verdict = screening.checkFile(RETRAINED, other);
            assertThat(verdict.decision()).as(other).isEqualTo(Decision.ALLOW);
            assertThat(verdict.reason()).as(other).isNull();
        }
        assertThat(screening.checkFile(RETRAINED, null).decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void theProfileDecidesASimilarMatchAndTheStricterOneWins() {
        block("m-eu", "case-eu", BLOCKED, "Ultraman Tiga LoRA", SimilarUploads.REVIEW);
        assertThat(screening.checkFile(RETRAINED, "Ultraman Tiga LoRA v3").decision())
                .isEqualTo(Decision.REVIEW);

        block("m-cn", "case-cn", "c".repeat(64), "Ultraman Tiga", SimilarUploads.BLOCK);
        FileVerdict both = screening.checkFile(RETRAINED, "Ultraman Tiga LoRA v3");
        assertThat(both.decision()).isEqualTo(Decision.BLOCK);
        assertThat(both.measureIds()).containsExactly("m-cn", "m-eu");

        screening.lift("m-cn");
        assertThat(screening.checkFile(RETRAINED, "Ultraman Tiga LoRA v3").decision())
                .isEqualTo(Decision.REVIEW);
        screening.lift("m-eu");
        assertThat(screening.checkFile(RETRAINED, "Ultraman Tiga LoRA v3").decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(screening.checkFile(BLOCKED, null).decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aBlockFromBeforeProfilesHoldsSimilarUploadsForReview() {
        block("m-old", null, BLOCKED, "Ultraman Tiga LoRA", null);

        assertThat(screening.checkFile(RETRAINED, "ultraman tiga lora").decision())
                .isEqualTo(Decision.REVIEW);
    }

    @Test
    void theLedgerHearsTheVerdictAndItsReason() throws Exception {
        block("m-eu", "case-eu", BLOCKED, "Ultraman Tiga LoRA", SimilarUploads.REVIEW);

        screening.checkFile(RETRAINED, "ultraman-tiga-lora");
        screening.checkFile(BLOCKED, null);

        assertThat(screening.flushEvents(5_000)).isTrue();
        List<JsonNode> bodies = new ArrayList<>();
        for (ScreeningEvents.Event event : sent) {
            assertThat(event.type()).isEqualTo(ScreeningEvents.BLOCKED);
            assertThat(event.key()).isEqualTo("case-eu");
            bodies.add(new ObjectMapper().readTree(event.body()));
        }
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).get("check").asText()).isEqualTo("file");
        assertThat(bodies.get(0).get("decision").asText()).isEqualTo("REVIEW");
        assertThat(bodies.get(0).get("reason").asText()).isEqualTo("SIMILAR_TO_BLOCKED");
        assertThat(bodies.get(0).get("fileSha256").asText()).isEqualTo(RETRAINED);
        assertThat(bodies.get(0).get("caseId").asText()).isEqualTo("case-eu");
        assertThat(bodies.get(1).get("decision").asText()).isEqualTo("BLOCK");
        assertThat(bodies.get(1).get("reason").asText()).isEqualTo("SAME_FILE");
        assertThat(screening.blockCounts().get("m-eu").reviewed()).isEqualTo(1);
    }
}
