package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session on the pages: a cookie jar, form login with the CSRF token read from the login page, and no
 * automatic redirects (so a test sees the 302 to /login). Real HTTP, the real page filter chain.
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    /** Sent with every request besides the cookies: a credential a page must not accept, say. */
    private final Map<String, String> headers = new LinkedHashMap<>();

    private PageSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** No login; still gets a session (and a CSRF token) from the login page, as a browser would. */
    static PageSession anonymous(String baseUrl) {
        return new PageSession(baseUrl);
    }

    static PageSession login(String baseUrl, String user) {
        PageSession session = new PageSession(baseUrl);
        Response signedIn = session.postForm("/login", Map.of("username", user, "password", "demo"), true);
        assertThat(signedIn.status()).as("login of " + user).isEqualTo(302);
        assertThat(signedIn.location()).as("login of " + user).doesNotContain("error");
        return session;
    }

    /**
     * Signs in through the OIDC issuer as a browser would: the application sends us to the issuer, the user signs in
     * there as {@code login} with {@code roles} (and an organisation, if any), and the issuer's redirect back lands the
     * session on the home page.
     */
    static PageSession oidc(String baseUrl, String login, String roles, String organisation) {
        PageSession session = new PageSession(baseUrl);
        Response start = session.get("/oauth2/authorization/oidc");
        assertThat(start.status()).as("to the issuer: " + start.body()).isEqualTo(302);
        String typed = "&login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&roles="
                + URLEncoder.encode(roles, StandardCharsets.UTF_8)
                + (organisation == null
                        ? ""
                        : "&organisation=" + URLEncoder.encode(organisation, StandardCharsets.UTF_8));
        Response issued = session.send(
                HttpRequest.newBuilder(URI.create(start.location() + typed)).GET());
        assertThat(issued.status()).as("the issuer's answer: " + issued.body()).isEqualTo(302);
        assertThat(issued.location()).startsWith(baseUrl + "/login/oauth2/code/oidc?code=");
        Response landed = session.send(
                HttpRequest.newBuilder(URI.create(issued.location())).GET());
        assertThat(landed.status())
                .as("sign-in of " + login + ": " + landed.body())
                .isEqualTo(302);
        assertThat(landed.location()).as("sign-in of " + login).doesNotContain("/login");
        return session;
    }

    /** Sends this header with every request from now on. */
    PageSession sending(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A JSON request with this session's cookies, as a script on one of the pages would send it. */
    Response json(String method, String path, String body) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body)),
                "application/json");
    }

    /** The session's current CSRF token, as the login page's form carries it. */
    String csrfToken() {
        Response login = get("/login");
        Matcher m = CSRF.matcher(login.body());
        assertThat(m.find()).as("CSRF field on the login page: " + login.body()).isTrue();
        return m.group(1);
    }

    boolean hasSessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .anyMatch(c -> c.getName().equals("JSESSIONID"));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A form POST; with {@code csrf} the session's token is added as {@code _csrf}. */
    Response postForm(String path, Map<String, String> fields, boolean csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf) {
            all.put("_csrf", csrfToken());
        }
        return postForm(
                path,
                all.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue()))
                        .toList());
    }

    /** A form POST with repeated fields, sent as given (add {@code _csrf} yourself). */
    Response postForm(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A multipart form POST (file inputs). The CSRF token goes into the path's query string ({@code ?_csrf=}), as the
     * upload forms' action URLs carry it: the fields of a multipart body are not read before authorisation.
     */
    Response postMultipart(String path, List<Api.Part> parts) {
        Api.Multipart body = Api.Multipart.of(parts);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    /** A GET whose body is kept as bytes, with all response headers (downloads). */
    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        return send(request, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    private Response send(HttpRequest.Builder request, String accept) {
        request.header("Accept", accept);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, String location, String contentType) {

        boolean redirectsToLogin() {
            return (status == 302 || status == 303) && location != null && location.endsWith("/login");
        }
    }
}
