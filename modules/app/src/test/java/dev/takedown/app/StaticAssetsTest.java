package dev.takedown.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

class StaticAssetsTest extends SecurityOnlyTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ResourceUrlProvider assets;

    @Test
    void stylesheetsScriptsAndVersionLessWebjarsAreServedToAnyone() throws Exception {
        HttpResponse<String> css = get("/css/takedown.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(get("/js/takedown.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").body()).contains("htmx");
        // pages link the version-less path; the chain writes the webjar's version into it
        assertThat(assets.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js"))
                .matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js");
        assertThat(get("/takedown.css").statusCode())
                .as("assets live only under their paths")
                .isNotEqualTo(200);
    }

    @Test
    void aPageLinkIsNeverLookedForOnTheClasspath() {
        // every link a page renders passes through the chain; only the asset paths may send it to the classpath
        assertThat(assets.getHandlerMap().keySet()).containsExactlyInAnyOrder("/css/**", "/js/**", "/webjars/**");
        assertThat(assets.getForLookupPath("/notices/0b7c5a4e-2f4d-4c8e-9a51-3f1c2d9e8b70"))
                .isNull();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
