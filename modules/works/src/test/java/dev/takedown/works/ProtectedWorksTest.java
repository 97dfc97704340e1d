package dev.takedown.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.kernel.Caller;
import dev.takedown.screening.PdqHash;
import dev.takedown.testing.EmbeddedDatabase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registry with the modules it uses (kernel, screening), on PostgreSQL with its migration: works belong to the
 * organisation that registered them, an invalid definition names every problem, and reference images uploaded on the
 * registration page are kept as their PDQ hashes only, computed by the screening module's hasher. Who may call the
 * registry at all is the application's security (AuthorizationMatrixIT); a registered work becoming a filter measure
 * is ProtectedWorkIT's.
 */
// the kernel's Clock is no component any module injects by a kernel type, so Modulith would leave it out
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "kernel")
// the application's filter chain lives in modules/app; here the caller comes as the request's principal
@AutoConfigureMockMvc(addFilters = false)
class ProtectedWorksTest {

    static final String ULTRAMAN = """
            {
              "title": "Ultraman",
              "terms": ["奥特曼", "Ultraman", "ウルトラマン", "迪迦", "Tiga", "戴拿", "Dyna"],
              "combinations": [{"phrases": ["giant", "red and silver", "colour timer"], "at_least": 2,
                                "window_words": 8}],
              "licensees": ["licensed-studio"],
              "replay_prompts": ["画一个奥特曼", "Ultraman fighting a monster"]
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Authentication HOLDER_A = rightsHolder("rightsholder-a", "org-a");
    private static final Authentication HOLDER_B = rightsHolder("rightsholder-b", "org-b");

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
        registry.add("spring.flyway.locations", () -> "classpath:db/migration/works");
        // screening's measure feed would wait for a broker this test has no use for
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Test
    void aRegisteredWorkBelongsToItsOrganisation() throws Exception {
        MockHttpServletResponse registered = send(
                HOLDER_A,
                post("/api/works").contentType(MediaType.APPLICATION_JSON).content(ULTRAMAN));
        assertThat(registered.getStatus()).as(registered.getContentAsString()).isEqualTo(201);
        JsonNode work = json(registered);
        String workId = work.get("work_id").asText();
        assertThat(registered.getHeader("Location")).isEqualTo("/api/works/" + workId);
        assertThat(work.get("definition").get("terms").toString()).contains("奥特曼", "ウルトラマン", "Dyna");
        assertThat(work.get("definition").get("licensees").get(0).asText()).isEqualTo("licensed-studio");

        assertThat(send(HOLDER_A, get("/api/works/" + workId)).getStatus()).isEqualTo(200);
        assertThat(send(HOLDER_B, get("/api/works/" + workId)).getStatus())
                .as("another organisation's work does not exist for it")
                .isEqualTo(404);
        assertThat(send(HOLDER_A, get("/api/works")).getContentAsString()).contains(workId);
        assertThat(send(HOLDER_B, get("/api/works")).getContentAsString()).doesNotContain(workId);
        assertThat(send(HOLDER_A, get("/api/works/not-a-work")).getStatus()).isEqualTo(404);
    }

    @Test
    void anInvalidWorkNamesEveryProblem() throws Exception {
        MockHttpServletResponse refused = send(
                HOLDER_B,
                post("/api/works").contentType(MediaType.APPLICATION_JSON).content("""
                        {"terms": [""], "combinations": [{"phrases": ["giant"], "at_least": 1}],
                         "image_hashes": ["xyz"]}
                        """));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        json(refused).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("title", "terms[0]", "combinations[0].phrases", "image_hashes[0]");
        assertThat(send(HOLDER_B, get("/api/works")).getContentAsString())
                .as("nothing registered")
                .isEqualTo("[]");
    }

    @Test
    void referenceImagesUploadedOnThePageAreKeptAsTheirPdqHashes() throws Exception {
        byte[] gradient = png((x, y) -> (x * 255 / 127) << 16 | (y * 255 / 127) << 8);
        byte[] rings = png((x, y) -> ((x - 64) * (x - 64) + (y - 64) * (y - 64)) / 40 % 2 == 0 ? 0xffffff : 0);
        String gradientHash = registerWithImage("ref-gradient", gradient);
        assertThat(registerWithImage("ref-gradient-again", gradient))
                .as("the same picture, the same hash")
                .isEqualTo(gradientHash);
        String ringsHash = registerWithImage("ref-rings", rings);
        assertThat(PdqHash.fromHex(ringsHash).distance(PdqHash.fromHex(gradientHash)))
                .as("an unrelated picture is far beyond the match distance")
                .isGreaterThan(31);
    }

    private String registerWithImage(String name, byte[] image) throws Exception {
        String title = name + "-" + UUID.randomUUID();
        MockHttpServletResponse registered = send(
                HOLDER_A,
                multipart("/works")
                        .file(new MockMultipartFile("referenceImages", name + ".png", "image/png", image))
                        .param("title", title));
        assertThat(registered.getStatus()).as(registered.getContentAsString()).isEqualTo(302);
        assertThat(registered.getRedirectedUrl()).isEqualTo("/works");
        JsonNode work = null;
        for (JsonNode w : json(send(HOLDER_A, get("/api/works")))) {
            if (title.equals(w.get("definition").get("title").asText())) {
                work = w;
            }
        }
        assertThat(work).as(title).isNotNull();
        assertThat(work.get("definition").get("image_hashes"))
                .as("the hash, never the picture")
                .hasSize(1);
        String hash = work.get("definition").get("image_hashes").get(0).asText();
        assertThat(hash).matches("[0-9a-f]{64}");
        return hash;
    }

    private MockHttpServletResponse send(Authentication caller, MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.principal(caller)).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws IOException {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Authentication rightsHolder(String name, String organisation) {
        return UsernamePasswordAuthenticationToken.authenticated(
                name,
                null,
                List.of(
                        new SimpleGrantedAuthority("ROLE_RIGHTS_HOLDER"),
                        new SimpleGrantedAuthority(Caller.ORGANISATION_PREFIX + organisation)));
    }

    private static byte[] png(IntBinaryOperator rgb) throws IOException {
        BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 128; x++) {
            for (int y = 0; y < 128; y++) {
                image.setRGB(x, y, rgb.applyAsInt(x, y));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
