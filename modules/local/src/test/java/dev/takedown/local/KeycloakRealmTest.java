package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.app.TokenAuthorities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak realm in {@code config/keycloak/} gives tokens what {@link TokenAuthorities} reads: exactly the roles
 * Takedown knows and the {@code organisation} claim. The realm production imports has no users and no public client
 * that takes passwords; the demo realm ({@code docker compose --profile demo} imports it on top) adds the demo users of
 * the local profile, with the same roles and organisations, and the password grant for the API client.
 */
class KeycloakRealmTest {

    private static final Path REALM = Path.of("../../config/keycloak/takedown-realm.json");
    private static final Path DEMO_REALM = Path.of("../../config/keycloak/takedown-demo-realm.json");

    private static JsonNode realm;
    private static JsonNode demo;

    @BeforeAll
    static void read() throws IOException {
        assertThat(REALM).as("realm export, relative to modules/local").exists();
        realm = new ObjectMapper().readTree(Files.readString(REALM));
        demo = new ObjectMapper().readTree(Files.readString(DEMO_REALM));
    }

    @Test
    void theProductionRealmHasNoUsersAndNoPublicClientThatTakesPasswords() {
        assertThat(realm.path("users").isMissingNode())
                .as("no users in the file production imports")
                .isTrue();
        for (JsonNode client : realm.get("clients")) {
            assertThat(client.path("publicClient").asBoolean()
                            && client.path("directAccessGrantsEnabled").asBoolean())
                    .as(client.get("clientId").asText() + " is public and takes passwords")
                    .isFalse();
        }
        assertThat(demo.get("realm").asText())
                .as("the demo file adds to the same realm")
                .isEqualTo("takedown");
    }

    @Test
    void realmRolesAreExactlyTheRolesTheApplicationMaps() {
        assertThat(realm.get("realm").asText()).isEqualTo("takedown");
        assertThat(realm.get("enabled").asBoolean()).isTrue();
        assertThat(names(realm.at("/roles/realm"))).containsExactlyInAnyOrderElementsOf(TokenAuthorities.ROLES);
        assertThat(realm.at("/roles/client").isMissingNode()
                        || realm.at("/roles/client").isEmpty())
                .as("no client roles: the application reads realm_access.roles only")
                .isTrue();
    }

    @Test
    void demoUsersHaveTheRoleAndOrganisationOfTheLocalProfile() {
        Map<String, DemoAccounts.Account> expected = DemoAccounts.ACCOUNTS.stream()
                .collect(Collectors.toMap(DemoAccounts.Account::username, a -> a, (a, b) -> a, TreeMap::new));
        Map<String, JsonNode> users = new TreeMap<>();
        demo.get("users").forEach(u -> users.put(u.get("username").asText(), u));
        assertThat(users.keySet()).isEqualTo(expected.keySet());

        users.forEach((username, user) -> {
            DemoAccounts.Account account = expected.get(username);
            assertThat(user.get("enabled").asBoolean()).as(username).isTrue();
            assertThat(texts(user.get("realmRoles")))
                    .as(username + " realm roles")
                    .containsExactly(account.role());
            assertThat(user.path("clientRoles").isEmpty())
                    .as(username + " has no client roles")
                    .isTrue();
            assertThat(user.path("groups").isEmpty())
                    .as(username + " gets no roles through groups")
                    .isTrue();
            JsonNode organisation = user.at("/attributes/organisation");
            if (account.organisation() == null) {
                assertThat(organisation.isMissingNode())
                        .as(username + " acts for no organisation")
                        .isTrue();
            } else {
                assertThat(texts(organisation)).as(username + " organisation").containsExactly(account.organisation());
            }
            JsonNode credentials = user.get("credentials");
            assertThat(credentials).as(username + " credentials").hasSize(1);
            assertThat(credentials.get(0).get("type").asText()).isEqualTo("password");
            assertThat(credentials.get(0).get("value").asText()).isEqualTo("demo");
            assertThat(credentials.get(0).get("temporary").asBoolean()).isFalse();
        });
    }

    @Test
    void everyClientPutsTheOrganisationAttributeIntoTokens() {
        List<JsonNode> clients = new ArrayList<>();
        realm.get("clients").forEach(clients::add);
        demo.get("clients").forEach(clients::add);
        assertThat(clients).isNotEmpty();
        for (JsonNode client : clients) {
            String id = client.get("clientId").asText();
            JsonNode mapper = StreamSupport.stream(
                            client.path("protocolMappers").spliterator(), false)
                    .filter(m ->
                            "organisation".equals(m.at("/config/claim.name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(id + " has no organisation mapper"));
            assertThat(mapper.get("protocol").asText()).isEqualTo("openid-connect");
            assertThat(mapper.get("protocolMapper").asText()).isEqualTo("oidc-usermodel-attribute-mapper");
            assertThat(mapper.at("/config/user.attribute").asText()).isEqualTo("organisation");
            assertThat(mapper.at("/config/access.token.claim").asText()).isEqualTo("true");
            assertThat(mapper.at("/config/jsonType.label").asText()).isEqualTo("String");
            assertThat(mapper.at("/config/multivalued").asText()).isEqualTo("false");
        }
    }

    @Test
    void portalIsConfidentialWithStandardFlowAndApiClientIsPublic() {
        Map<String, JsonNode> clients = new TreeMap<>();
        realm.get("clients").forEach(c -> clients.put(c.get("clientId").asText(), c));
        assertThat(clients).containsOnlyKeys("takedown-portal", "takedown-api");

        JsonNode portal = clients.get("takedown-portal");
        assertThat(portal.get("protocol").asText()).isEqualTo("openid-connect");
        assertThat(portal.get("publicClient").asBoolean()).isFalse();
        assertThat(portal.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(portal.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(portal.get("secret").asText())
                .as("the secret comes from the environment, never the file")
                .startsWith("${");

        JsonNode api = clients.get("takedown-api");
        assertThat(api.get("publicClient").asBoolean()).isTrue();
        assertThat(api.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(api.get("directAccessGrantsEnabled").asBoolean())
                .as("production: device flow only")
                .isFalse();

        JsonNode demoApi = demo.get("clients").get(0);
        assertThat(demoApi.get("clientId").asText()).isEqualTo("takedown-api");
        // the application refuses bearer tokens whose aud lacks takedown.jwt.audience (default takedown-api); the
        // demo import overwrites the client, so it must carry the mapper too
        for (JsonNode client : List.of(api, demoApi)) {
            assertThat(StreamSupport.stream(client.get("protocolMappers").spliterator(), false)
                            .filter(m -> m.get("protocolMapper").asText().equals("oidc-audience-mapper"))
                            .filter(m ->
                                    m.at("/config/access.token.claim").asText().equals("true"))
                            .map(m -> m.at("/config/included.client.audience").asText()))
                    .as("access tokens of the API client name the API as their audience")
                    .containsExactly("takedown-api");
        }
        assertThat(demoApi.get("directAccessGrantsEnabled").asBoolean())
                .as("the demo's curl examples fetch tokens with a password")
                .isTrue();
    }

    /** Page sign-in (OidcLogin): the callback Spring Security serves, PKCE, and roles readable from the ID token. */
    @Test
    void portalSignInRedirectsToTheOidcCallbackWithPkceAndRolesInTheIdToken() {
        JsonNode portal = StreamSupport.stream(realm.get("clients").spliterator(), false)
                .filter(c -> c.get("clientId").asText().equals("takedown-portal"))
                .findFirst()
                .orElseThrow();
        assertThat(texts(portal.get("redirectUris")))
                .containsExactly("${TAKEDOWN_PUBLIC_BASE_URL:http://localhost:8080}/login/oauth2/code/oidc");
        assertThat(portal.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        JsonNode roles = StreamSupport.stream(portal.path("protocolMappers").spliterator(), false)
                .filter(m -> "oidc-usermodel-realm-role-mapper"
                        .equals(m.get("protocolMapper").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("takedown-portal puts no realm roles in tokens"));
        assertThat(roles.at("/config/claim.name").asText())
                .as("TokenAuthorities' default roles claim")
                .isEqualTo("realm_access.roles");
        assertThat(roles.at("/config/id.token.claim").asText()).isEqualTo("true");
        JsonNode organisation = StreamSupport.stream(
                        portal.path("protocolMappers").spliterator(), false)
                .filter(m -> "organisation".equals(m.at("/config/claim.name").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(organisation.at("/config/id.token.claim").asText()).isEqualTo("true");
    }

    @Test
    void usersCannotEditTheirOwnOrganisation() throws IOException {
        JsonNode provider = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0");
        JsonNode profile = new ObjectMapper()
                .readTree(provider.at("/config/kc.user.profile.config/0").asText());
        JsonNode organisation = StreamSupport.stream(profile.get("attributes").spliterator(), false)
                .filter(a -> a.get("name").asText().equals("organisation"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("organisation is not a declared user-profile attribute"));
        assertThat(texts(organisation.at("/permissions/edit")))
                .as("a tenant is assigned, not chosen")
                .containsExactly("admin");
        assertThat(profile.get("unmanagedAttributePolicy").asText()).isNotEqualTo("ENABLED");
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
