package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The API with OAuth2 bearer tokens as Keycloak issues them: roles from {@code realm_access.roles}, tenant from the
 * {@code organisation} claim, user from {@code preferred_username}. Tokens are signed with a key pair made here; the
 * application trusts its public key ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}). No
 * Keycloak runs. (The issuer is not checked here: with {@code issuer-uri} set, Spring Boot ignores the public key and
 * discovers the issuer instead; compose pairs {@code issuer-uri} with {@code jwk-set-uri}, which does check it.) The
 * users exist only in their tokens, not in {@code app_user}. The trusted key is part of every integration test's
 * shared context ({@link TestTokens}).
 */
class JwtApiIT extends StackTest {

    private static final String ISSUER = "https://keycloak.takedown.test/realms/takedown";
    private static final KeyPair TRUSTED = TestTokens.TRUSTED;
    private static final KeyPair STRANGER = TestTokens.rsaKeyPair();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rightsHolderTokenFilesAndReadsItsNoticeOtherOrganisationsGet404ModeratorSeesTheTask() throws Exception {
        String holderA = token(
                TRUSTED,
                "jwt-holder-a",
                List.of("RIGHTS_HOLDER", "offline_access"),
                "org-a",
                ISSUER,
                Duration.ofMinutes(5));
        Response filed =
                send("POST", "/api/notices", holderA, Notices.complete("https://gen.example/jwt/" + UUID.randomUUID()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String caseId = filed.json().get("case_id").asText();

        Response read = send("GET", "/api/notices/" + caseId, holderA, null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("case_id").asText()).isEqualTo(caseId);

        String holderB =
                token(TRUSTED, "jwt-holder-b", List.of("RIGHTS_HOLDER"), "org-b", ISSUER, Duration.ofMinutes(5));
        assertThat(send("GET", "/api/notices/" + caseId, holderB, null).status())
                .as("another organisation's case does not exist for org-b")
                .isEqualTo(404);

        String moderator = token(TRUSTED, "jwt-moderator", List.of("MODERATOR"), null, ISSUER, Duration.ofMinutes(5));
        await().atMost(Cases.PATIENCE).untilAsserted(() -> {
            Response tasks = send("GET", "/api/tasks", moderator, null);
            assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
            assertThat(tasks.json().findValuesAsText("case_id")).contains(caseId);
        });
        assertThat(send("GET", "/api/tasks", holderA, null).status())
                .as("a rights holder is no moderator")
                .isEqualTo(403);
    }

    @Test
    void rolesTakedownDoesNotKnowGrantNothing() throws Exception {
        String stranger = token(
                TRUSTED,
                "jwt-someone",
                List.of("offline_access", "uma_authorization", "admin"),
                null,
                ISSUER,
                Duration.ofMinutes(5));
        assertThat(send("GET", "/api/tasks", stranger, null).status()).isEqualTo(403);
        assertThat(send("GET", "/api/audit/verify", stranger, null).status()).isEqualTo(403);
    }

    @Test
    void forgedExpiredAndMalformedTokensAre401ProblemDetails() throws Exception {
        String forged = token(STRANGER, "jwt-moderator", List.of("MODERATOR"), null, ISSUER, Duration.ofMinutes(5));
        // beyond the decoder's 60 s clock skew
        String expired = token(TRUSTED, "jwt-moderator", List.of("MODERATOR"), null, ISSUER, Duration.ofMinutes(-10));
        for (Map.Entry<String, String> bad : Map.of(
                        "wrong signature", forged, "expired", expired, "not a JWT", "not-a-jwt")
                .entrySet()) {
            Response response = send("GET", "/api/tasks", bad.getValue(), null);
            assertThat(response.status()).as(bad.getKey()).isEqualTo(401);
            assertThat(response.contentType()).as(bad.getKey()).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).as(bad.getKey()).isEqualTo(401);
        }
        Response anonymous = send("GET", "/api/tasks", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void basicAuthStillWorksBesideTokensInTheLocalProfile() {
        assertThat(Api.as(baseUrl(), "moderator").get("/api/tasks").status()).isEqualTo(200);
    }

    private static String token(
            KeyPair keys, String user, List<String> roles, String organisation, String issuer, Duration validFor)
            throws JOSEException {
        Instant now = Instant.now();
        Instant issued = validFor.isNegative() ? now.plus(validFor).minus(Duration.ofMinutes(5)) : now;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .audience("account")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("azp", "takedown-api")
                .claim("typ", "Bearer")
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles));
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID("test-key")
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner((PrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private Response send(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Response(int status, String body, String contentType) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
