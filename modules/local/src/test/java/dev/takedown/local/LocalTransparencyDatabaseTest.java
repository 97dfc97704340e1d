package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local stand-in answers as the Commission's API does where the submitter depends on it: 201 with each
 * statement's uuid, 422 naming the puids it already holds in {@code errors.existing_puids} (which the submitter
 * reconciles), 500 on demand (which it retries), and no statement without the token.
 */
class LocalTransparencyDatabaseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalTransparencyDatabase sandbox = LocalTransparencyDatabase.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void acceptsNewStatementsRefusesKnownPuidsAndFailsOnDemand() throws Exception {
        HttpResponse<String> created = post(List.of("d-1", "d-2"), LocalTransparencyDatabase.TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode statements = JSON.readTree(created.body()).path("statements");
        assertThat(statements.findValuesAsText("puid")).containsExactly("d-1", "d-2");
        assertThat(statements.get(0).path("uuid").asText()).hasSize(36);
        assertThat(statements.get(0).path("permalink").asText()).startsWith("http://127.0.0.1:");

        HttpResponse<String> duplicate = post(List.of("d-3", "d-2"), LocalTransparencyDatabase.TOKEN);
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(texts(JSON.readTree(duplicate.body()).path("errors").path("existing_puids")))
                .containsExactly("d-2");

        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(
                                                sandbox.url().replace("/api/v1/statements", "/failures?count=1")))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(List.of("d-3"), LocalTransparencyDatabase.TOKEN).statusCode())
                .isEqualTo(500);
        assertThat(post(List.of("d-3"), LocalTransparencyDatabase.TOKEN).statusCode())
                .as("one failure asked for, one given")
                .isEqualTo(201);

        assertThat(post(List.of("d-4"), "another-token").statusCode()).isEqualTo(401);
        HttpResponse<String> listed = http.send(
                HttpRequest.newBuilder(URI.create(sandbox.url())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(listed.body()).path("statements").findValuesAsText("puid"))
                .as("what a refused or failed call carried is not kept")
                .containsExactly("d-1", "d-2", "d-3");
    }

    private HttpResponse<String> post(List<String> puids, String token) throws IOException, InterruptedException {
        var body = JSON.createObjectNode();
        var statements = body.putArray("statements");
        puids.forEach(puid ->
                statements.addObject().put("puid", puid).put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT"));
        return http.send(
                HttpRequest.newBuilder(URI.create(sandbox.url()))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
