package dev.takedown.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * users exist only in their tokens, not in {@code app_user}.
 */
class BearerTokensTest extends SecurityOnlyTest {

    private static final String ISSUER = "https://keycloak.takedown.test/realms/takedown";
    /** {@code takedown.jwt.audience} by default; the realm's audience mapper puts it into the API client's tokens. */
    private static final String API = "takedown-api";

    private static final KeyPair TRUSTED = TestTokens.TRUSTED;
    private static final KeyPair STRANGER = TestTokens.rsaKeyPair();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRightsHoldersTokenActsForItsOrganisationAModeratorsForTheQueue() throws Exception {
        String holderA = token(
                TRUSTED,
                "jwt-holder-a",
                List.of("RIGHTS_HOLDER", "offline_access"),
                "org-a",
                ISSUER,
                Duration.ofMinutes(5));
        Response read = send("GET", "/api/notices/" + UUID.randomUUID(), holderA, null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("actor").asText()).isEqualTo("jwt-holder-a");
        assertThat(read.json().get("role").asText()).isEqualTo("RIGHTS_HOLDER");
        assertThat(read.json().get("organisation").asText())
                .as("the organisation claim is the tenant every module's tenancy rule reads")
                .isEqualTo("org-a");
        assertThat(send("GET", "/api/tasks", holderA, null).status())
                .as("a rights holder is no moderator")
                .isEqualTo(403);

        String moderator = token(TRUSTED, "jwt-moderator", List.of("MODERATOR"), null, ISSUER, Duration.ofMinutes(5));
        Response tasks = send("GET", "/api/tasks", moderator, null);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        assertThat(tasks.json().get("role").asText()).isEqualTo("MODERATOR");
        assertThat(tasks.json().path("organisation").isTextual())
                .as("staff belong to no organisation")
                .isFalse();
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
    void aTokenWithSeveralRolesActsWithNoneOfThem() throws Exception {
        // listed in either order, a rights holder who is also a moderator neither reads the queue nor a case
        for (List<String> roles :
                List.of(List.of("MODERATOR", "RIGHTS_HOLDER"), List.of("RIGHTS_HOLDER", "MODERATOR"))) {
            String both = token(TRUSTED, "jwt-both", roles, "org-a", ISSUER, Duration.ofMinutes(5));
            assertThat(send("GET", "/api/tasks", both, null).status())
                    .as(roles.toString())
                    .isEqualTo(403);
            assertThat(send("GET", "/api/notices/" + UUID.randomUUID(), both, null)
                            .status())
                    .as(roles.toString())
                    .isEqualTo(403);
        }
        String senior = token(
                TRUSTED, "jwt-senior", List.of("MODERATOR", "SENIOR_MODERATOR"), null, ISSUER, Duration.ofMinutes(5));
        Response tasks = send("GET", "/api/tasks", senior, null);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        assertThat(tasks.json().get("role").asText()).isEqualTo("SENIOR_MODERATOR");
    }

    @Test
    void aTokenMintedForAnotherAudienceOpensNothing() throws Exception {
        // same issuer, same key, same roles: only the audience says whom the token was given to
        for (Map.Entry<String, List<String>> audience : Map.of(
                        "Keycloak's account console", List.of("account"),
                        "the portal client", List.of("takedown-portal"),
                        "no audience", List.<String>of(),
                        "a look-alike", List.of("takedown-api-staging", "takedown"))
                .entrySet()) {
            String token = token(
                    TRUSTED,
                    "jwt-moderator",
                    List.of("MODERATOR"),
                    null,
                    ISSUER,
                    Duration.ofMinutes(5),
                    audience.getValue());
            Response response = send("GET", "/api/tasks", token, null);
            assertThat(response.status()).as(audience.getKey()).isEqualTo(401);
            assertThat(response.contentType()).as(audience.getKey()).startsWith("application/problem+json");
            assertThat(response.body()).as(audience.getKey()).doesNotContain("\"role\"");
        }
        String forTheApi = token(
                TRUSTED, "jwt-moderator", List.of("MODERATOR"), null, ISSUER, Duration.ofMinutes(5), List.of(API));
        Response tasks = send("GET", "/api/tasks", forTheApi, null);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        assertThat(tasks.json().get("role").asText()).isEqualTo("MODERATOR");
    }

    @Test
    void basicAuthStillWorksBesideTokensInTheLocalProfile() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/tasks"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString("moderator:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(
            KeyPair keys, String user, List<String> roles, String organisation, String issuer, Duration validFor)
            throws JOSEException {
        return token(keys, user, roles, organisation, issuer, validFor, List.of(API, "account"));
    }

    private static String token(
            KeyPair keys,
            String user,
            List<String> roles,
            String organisation,
            String issuer,
            Duration validFor,
            List<String> audience)
            throws JOSEException {
        Instant now = Instant.now();
        Instant issued = validFor.isNegative() ? now.plus(validFor).minus(Duration.ofMinutes(5)) : now;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .audience(audience)
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
