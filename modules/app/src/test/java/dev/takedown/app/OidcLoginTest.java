package dev.takedown.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.testing.FakeOidcProvider;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Page sign-in through an OpenID Connect issuer ({@link FakeOidcProvider}, a real HTTP server in this JVM), with a
 * browser's cookie jar and redirects followed one by one: the authorization code flow with PKCE and nonce lands each
 * role on its home page, with roles and organisation taken from the ID token. A token from the wrong issuer, with the
 * wrong nonce or signed by another key is refused; a user the issuer knows but who has no Takedown role gets a page
 * saying so. The form login keeps working beside it.
 */
class OidcLoginTest extends SecurityOnlyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Test
    void loginPageOffersTheIssuerBesideTheForm() {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get(baseUrl() + "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body())
                .contains("name=\"password\"")
                .contains("href=\"/oauth2/authorization/oidc\"")
                .contains(FakeOidcProvider.NAME);
        // the form beside it still signs in
        String csrf =
                CSRF.matcher(login.body()).results().findFirst().orElseThrow().group(1);
        HttpResponse<String> signedIn =
                browser.postForm(baseUrl() + "/login", "username=moderator&password=demo&_csrf=" + csrf);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse(""))
                .endsWith("/")
                .doesNotContain("error");
    }

    @Test
    void eachRoleLandsOnItsHomePage() {
        assertThat(signIn("oidc-moderator", "MODERATOR,offline_access", null, FakeOidcProvider.Tamper.NONE)
                        .home())
                .isEqualTo("/tasks");
        assertThat(signIn("oidc-holder", "RIGHTS_HOLDER", "org-a", FakeOidcProvider.Tamper.NONE)
                        .home())
                .isEqualTo("/notices");
        assertThat(signIn("oidc-compliance", "COMPLIANCE_OFFICER", null, FakeOidcProvider.Tamper.NONE)
                        .home())
                .isEqualTo("/audit");
    }

    @Test
    void rolesComeFromTheIdTokenAndNothingElse() {
        SignIn signedIn = signIn("oidc-holder-b", "RIGHTS_HOLDER", "org-b", FakeOidcProvider.Tamper.NONE);
        assertThat(signedIn.landing()).isEqualTo(baseUrl() + "/");
        Browser holder = signedIn.browser();
        assertThat(holder.get(baseUrl() + "/tasks").statusCode())
                .as("a rights holder is no moderator")
                .isEqualTo(403);
        assertThat(holder.get(baseUrl() + "/works").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongIssuerNonceOrSignatureIsRefused() {
        for (FakeOidcProvider.Tamper tamper : new FakeOidcProvider.Tamper[] {
            FakeOidcProvider.Tamper.WRONG_ISSUER,
            FakeOidcProvider.Tamper.WRONG_NONCE,
            FakeOidcProvider.Tamper.WRONG_SIGNATURE
        }) {
            SignIn attempt = signIn("oidc-admin", "ADMIN", null, tamper);
            assertThat(attempt.landing()).as(tamper.name()).endsWith("/login?oidc=refused");
            HttpResponse<String> page = attempt.browser().get(baseUrl() + "/login?oidc=refused");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as(tamper.name()).contains("could not be verified");
            HttpResponse<String> home = attempt.browser().get(baseUrl() + "/");
            assertThat(home.statusCode()).as(tamper.name() + ": not signed in").isEqualTo(302);
            assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
    }

    @Test
    void aUserWithoutATakedownRoleGetsAReadableRefusal() {
        SignIn attempt =
                signIn("oidc-nobody", "offline_access,uma_authorization", "org-a", FakeOidcProvider.Tamper.NONE);
        assertThat(attempt.landing()).endsWith("/login?oidc=no-role");
        HttpResponse<String> page = attempt.browser().get(baseUrl() + "/login?oidc=no-role");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("no Takedown role")
                .contains(FakeOidcProvider.NAME)
                .doesNotContainPattern("(?i)exception|stack");
        assertThat(attempt.browser().get(baseUrl() + "/notices").statusCode())
                .as("not signed in")
                .isEqualTo(302);
    }

    @Test
    void aCallbackWithoutAnAuthorizationRequestIsRefusedNot500() {
        Browser browser = new Browser();
        HttpResponse<String> forged = browser.get(baseUrl() + "/login/oauth2/code/oidc?code=forged&state=forged");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElse("")).endsWith("/login?oidc=refused");
    }

    /** Where the sign-in ended ({@code landing}: the app's last redirect) and the browser that went through it. */
    private record SignIn(String landing, Browser browser, String baseUrl) {

        /** Follows {@code /} to the role's home page and checks it opens. */
        String home() {
            assertThat(landing).isEqualTo(baseUrl + "/");
            HttpResponse<String> root = browser.get(baseUrl + "/");
            assertThat(root.statusCode()).isEqualTo(302);
            String home = URI.create(root.headers().firstValue("Location").orElseThrow())
                    .getPath();
            assertThat(browser.get(baseUrl + home).statusCode()).as(home).isEqualTo(200);
            return home;
        }
    }

    private SignIn signIn(String login, String roles, String organisation, FakeOidcProvider.Tamper tamper) {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(baseUrl() + "/oauth2/authorization/oidc");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize)
                .startsWith(OIDC.issuer() + "/authorize?")
                .contains("code_challenge_method=S256")
                .contains("code_challenge=")
                .contains("nonce=")
                .contains("state=");
        // the user signs in at the issuer
        String typed = "&login=" + login + "&roles=" + URLEncoder.encode(roles, StandardCharsets.UTF_8)
                + (organisation == null ? "" : "&organisation=" + organisation) + "&tamper=" + tamper;
        HttpResponse<String> issued = browser.get(authorize + typed);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(302);
        String callback = issued.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(baseUrl() + "/login/oauth2/code/oidc?code=");
        HttpResponse<String> landed = browser.get(callback);
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
        return new SignIn(
                URI.create(baseUrl())
                        .resolve(landed.headers().firstValue("Location").orElseThrow())
                        .toString(),
                browser,
                baseUrl());
    }

    /** Cookies kept, redirects not followed: every hop is visible. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> postForm(String url, String form) {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(HttpRequest.Builder builder) {
            HttpRequest request = builder.header("Accept", "text/html")
                    .header("Accept-Language", "en")
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
