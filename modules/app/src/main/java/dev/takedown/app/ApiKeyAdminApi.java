package dev.takedown.app;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.FieldProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Administrators issue, list and revoke API keys. */
@RestController
@RequestMapping(path = "/api/admin/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeyAdminApi {

    private static final Set<String> ROLES = Set.of("RIGHTS_HOLDER", "PLATFORM_SERVICE");

    private final ApiKeys keys;
    private final JdbcTemplate jdbc;

    ApiKeyAdminApi(ApiKeys keys, JdbcTemplate jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyRequest(String role, String organisationId, String label) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiKeys.IssuedKey> issue(@RequestBody KeyRequest request, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.role() == null || !ROLES.contains(request.role())) {
            problems.add(new FieldProblem("role", "one of " + ROLES));
        }
        boolean rightsHolder = "RIGHTS_HOLDER".equals(request.role());
        boolean platform = "PLATFORM_SERVICE".equals(request.role());
        if (rightsHolder && (request.organisationId() == null || !organisationExists(request.organisationId()))) {
            problems.add(new FieldProblem("organisation_id", "a rights holder key needs an existing organisation"));
        } else if (platform && request.organisationId() != null && !organisationExists(request.organisationId())) {
            problems.add(new FieldProblem(
                    "organisation_id", "a platform key's organisation (the model owner it acts for) must exist"));
        } else if (!rightsHolder && !platform && request.organisationId() != null) {
            problems.add(new FieldProblem(
                    "organisation_id", "only rights holder and platform keys belong to an organisation"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ApiKeys.IssuedKey issued =
                keys.issue(request.role(), request.organisationId(), request.label(), authentication.getName());
        return ResponseEntity.created(URI.create("/api/admin/api-keys/" + issued.keyId()))
                .body(issued);
    }

    @GetMapping
    List<ApiKeys.KeyInfo> list() {
        return keys.list();
    }

    @PostMapping("/{keyId}/revocation")
    ResponseEntity<Void> revoke(@PathVariable String keyId) {
        if (!keys.revoke(keyId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no active key " + keyId);
        }
        return ResponseEntity.noContent().build();
    }

    private boolean organisationExists(String organisationId) {
        Integer count =
                jdbc.queryForObject("select count(*) from organisation where id = ?", Integer.class, organisationId);
        return count != null && count > 0;
    }
}
