package dev.takedown.screening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.takedown.events.SimilarUploads;
import dev.takedown.screening.MeasureChange;
import dev.takedown.screening.PdqResources;
import dev.takedown.screening.Screening;
import dev.takedown.screening.ScreeningTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class ScreeningApiTest {

    private static final String BRIDGE = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22";

    private final Screening screening = new Screening();
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        screening.apply("m-1", "case-1", ScreeningTest.ULTRAMAN);
        mvc = MockMvcBuilders.standaloneSetup(new ScreeningApi(
                        screening, Jackson2ObjectMapperBuilder.json().build()))
                .setControllerAdvice(new ScreeningProblems())
                .build();
    }

    @Test
    void promptVerdictInSnakeCase() throws Exception {
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"draw Ｕｌｔｒａｍａｎ\",\"account_id\":\"acct\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("BLOCK"))
                .andExpect(jsonPath("$.measure_ids[0]").value("m-1"))
                .andExpect(jsonPath("$.spans[0].start").value(5))
                .andExpect(jsonPath("$.spans[0].end").value(13))
                .andExpect(jsonPath("$.spans[0].term").value("Ultraman"))
                .andExpect(jsonPath("$.warning", containsString("风险提示")));
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"draw Ultraman\",\"account_id\":\"licensee-1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("ALLOW"))
                .andExpect(jsonPath("$.licensed_measure_ids[0]").value("m-1"));
    }

    @Test
    void statusNamesTheNodeAndWhatItEnforces() throws Exception {
        mvc.perform(get("/api/screen/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.node").value(screening.nodeId()))
                .andExpect(jsonPath("$.active_filters").value(1))
                .andExpect(jsonPath("$.blocked_urls").value(0))
                .andExpect(jsonPath("$.index_segments").value(1));
    }

    @Test
    void batchOfPrompts() throws Exception {
        mvc.perform(
                        post("/api/screen/prompts")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "[{\"prompt\":\"a cat\"},{\"prompt\":\"a giant in red and silver\"},{\"prompt\":\"Tiga\"}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].decision").value("ALLOW"))
                .andExpect(jsonPath("$[1].decision").value("REVIEW"))
                .andExpect(jsonPath("$[2].decision").value("BLOCK"));
    }

    @Test
    void emptyPromptIs400WithTheField() throws Exception {
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("prompt"));
        mvc.perform(post("/api/screen/prompts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"prompt\":\"ok\"},{}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[1].prompt"));
    }

    @Test
    void oneMegabytePromptIs413() throws Exception {
        String big = "a".repeat(1_000_000);
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"" + big + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("$"));
        String justOver = "奥".repeat(ScreeningApi.MAX_PROMPT_BYTES / 3 + 1);
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"" + justOver + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("prompt"));
    }

    @Test
    void promptSizeCountsUtf8BytesAsEncoded() {
        for (String sample : List.of(
                "",
                "ascii",
                "é",
                "奥",
                "😀",
                "\uD800",
                "x\uDC00y",
                "\uDC00\uD800",
                "a😀é奥\uD83D",
                "😀".repeat(3) + "\uD83D\uD83D\uDE00")) {
            assertThat(ScreeningApi.utf8Length(sample))
                    .as(sample)
                    .isEqualTo(sample.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void promptOfExactlyTheLimitPasses() throws Exception {
        String exact = "😀".repeat(16_383) + "é" + "ab";
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"" + exact + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"" + exact + "c\"}"))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void promptBodyIsReadAsTheJsonConverterWould() throws Exception {
        mvc.perform(post("/api/screen/prompt")
                        .contentType("application/json;charset=ISO-8859-1")
                        .content("{\"prompt\":\"café Ultraman\"}".getBytes(StandardCharsets.ISO_8859_1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.spans[0].start").value(5))
                .andExpect(jsonPath("$.spans[0].text").value("Ultraman"));
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"café Ultraman\"}".getBytes(StandardCharsets.UTF_16LE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.spans[0].start").value(5));
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"a cat\",\"unknown\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("ALLOW"));
        for (String body : List.of("", "null", "  ", "{\"prompt\":", "[1]")) {
            mvc.perform(post("/api/screen/prompt")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("$"));
        }
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":{}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("prompt"));
        mvc.perform(post("/api/screen/prompt").contentType(MediaType.TEXT_PLAIN).content("draw Ultraman"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void tooManyItemsIs400() throws Exception {
        String items =
                String.join(",", java.util.Collections.nCopies(ScreeningApi.MAX_BATCH + 1, "{\"prompt\":\"x\"}"));
        mvc.perform(post("/api/screen/prompts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + items + "]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("1000")));
    }

    @Test
    void invalidUtf8Is400() throws Exception {
        byte[] body = "{\"prompt\":\"ab\"}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[body.length + 2];
        System.arraycopy(body, 0, broken, 0, 11);
        broken[11] = (byte) 0xC3;
        broken[12] = (byte) 0x28;
        System.arraycopy(body, 11, broken, 13, body.length - 11);
        mvc.perform(post("/api/screen/prompt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(broken))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors").isArray());
    }

    @Test
    void imageUploadMatchesAndANonImageIs415() throws Exception {
        mvc.perform(multipart("/api/screen/image")
                        .file(new MockMultipartFile(
                                "image", "x.jpg", "image/jpeg", PdqResources.bytes("dih/bridge-5-flipx.jpg")))
                        .param("account_id", "acct"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("BLOCK"))
                .andExpect(jsonPath("$.matches[0].reference_hash").value(BRIDGE));
        mvc.perform(multipart("/api/screen/image")
                        .file(new MockMultipartFile("image", "x.jpg", "image/jpeg", "not an image".getBytes())))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("image"));
        mvc.perform(multipart("/api/screen/image").file(new MockMultipartFile("other", new byte[] {1})))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("image"));
    }

    @Test
    void hashQueriesAndInvalidHex() throws Exception {
        mvc.perform(post("/api/screen/image")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pdq\":\"" + BRIDGE + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("BLOCK"))
                .andExpect(jsonPath("$.matches[0].distance").value(0));
        mvc.perform(post("/api/screen/image")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pdq\":\"" + BRIDGE.substring(2) + "zz\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pdq"));
        mvc.perform(post("/api/screen/images")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"pdq\":\"" + BRIDGE + "\"},{\"pdq\":\"" + "0".repeat(64) + "\"}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].decision").value("BLOCK"))
                .andExpect(jsonPath("$[1].decision").value("ALLOW"));
        mvc.perform(post("/api/screen/images")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"pdq\":\"" + BRIDGE + "\"},{\"pdq\":\"abc\"}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[1].pdq"));
    }

    @Test
    void urlBlocksAndTheirLifting() throws Exception {
        screening.update(List.of(new MeasureChange.BlockUrl("m-9", "https://gen.example/img/1")));
        mvc.perform(get("/api/screening/url").param("url", "https://gen.example/img/1"))
                .andExpect(jsonPath("$.blocked").value(true))
                .andExpect(jsonPath("$.measure_ids[0]").value("m-9"));
        screening.lift("m-9");
        mvc.perform(get("/api/screening/url").param("url", "https://gen.example/img/1"))
                .andExpect(jsonPath("$.blocked").value(false));
    }

    @Test
    void aSimilarUploadIsBlockedUnderCnAndHeldForReviewUnderEu() throws Exception {
        String upload = "{\"sha256\":\"" + "b".repeat(64) + "\",\"name\":\"ultraman_tiga_lora_v2.safetensors\"}";
        screening.update(List.of(new MeasureChange.BlockFile(
                "m-cn", "case-cn", "a".repeat(64), "Ultraman Tiga LoRA", SimilarUploads.BLOCK)));
        mvc.perform(post("/api/screen/file")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(upload))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sha256").value("b".repeat(64)))
                .andExpect(jsonPath("$.decision").value("BLOCK"))
                .andExpect(jsonPath("$.reason").value("SIMILAR_TO_BLOCKED"))
                .andExpect(jsonPath("$.measure_ids[0]").value("m-cn"));

        screening.lift("m-cn");
        screening.update(List.of(new MeasureChange.BlockFile(
                "m-eu", "case-eu", "a".repeat(64), "Ultraman Tiga LoRA", SimilarUploads.REVIEW)));
        mvc.perform(post("/api/screen/file")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(upload))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("REVIEW"))
                .andExpect(jsonPath("$.reason").value("SIMILAR_TO_BLOCKED"))
                .andExpect(jsonPath("$.measure_ids[0]").value("m-eu"));

        mvc.perform(post("/api/screen/file")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sha256\":\"" + "A".repeat(64) + "\"}"))
                .andExpect(jsonPath("$.decision").value("BLOCK"))
                .andExpect(jsonPath("$.reason").value("SAME_FILE"));
        mvc.perform(post("/api/screen/file")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sha256\":\"" + "c".repeat(64) + "\",\"name\":\"Gundam LoRA\"}"))
                .andExpect(jsonPath("$.decision").value("ALLOW"))
                .andExpect(jsonPath("$.reason").doesNotExist());
    }

    @Test
    void anUploadWithoutAHashOrWithAnOverlongNameIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/screen/file")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("sha256"));
        mvc.perform(post("/api/screen/file")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sha256\":\"" + "c".repeat(64) + "\",\"name\":\"" + "n".repeat(501) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }
}
