package dev.takedown.notifiers.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.Problems;
import dev.takedown.notifiers.AuthorityDetails;
import dev.takedown.notifiers.CompetentAuthority;
import dev.takedown.notifiers.InvalidRegistryEntryException;
import dev.takedown.notifiers.Registries;
import dev.takedown.notifiers.RegistryConflictException;
import dev.takedown.notifiers.RegistryEntryNotFoundException;
import dev.takedown.notifiers.TrustedFlagger;
import dev.takedown.notifiers.TrustedFlaggerDetails;
import java.net.URI;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The trusted-flagger and competent-authority registries: staff read them, compliance officers register, change
 * (with reasons) and revoke (with reasons) entries; each change is a ledger fact.
 */
@RestController
@RequestMapping(path = "/api/registries", produces = MediaType.APPLICATION_JSON_VALUE)
class RegistryApi {

    private final Registries registries;

    RegistryApi(Registries registries) {
        this.registries = registries;
    }

    /** A trusted flagger's details, and on a change the reasons for it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FlaggerRequest(
            String entity,
            String coordinator,
            String coordinatorCountry,
            List<String> areas,
            String validFrom,
            String validUntil,
            List<String> credentials,
            String reason) {

        TrustedFlaggerDetails details() {
            return new TrustedFlaggerDetails(
                    entity, coordinator, coordinatorCountry, areas, validFrom, validUntil, credentials);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AuthorityRequest(
            String name,
            String country,
            String kind,
            String contact,
            List<String> legalBases,
            List<String> credentials,
            String reason) {

        AuthorityDetails details() {
            return new AuthorityDetails(name, country, kind, contact, legalBases, credentials);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Revocation(String reason) {}

    @GetMapping("/trusted-flaggers")
    List<TrustedFlagger> trustedFlaggers() {
        return registries.trustedFlaggers();
    }

    @GetMapping("/trusted-flaggers/{id}")
    TrustedFlagger trustedFlagger(@PathVariable String id) {
        return registries.trustedFlagger(id);
    }

    @PostMapping(path = "/trusted-flaggers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TrustedFlagger> register(@RequestBody FlaggerRequest request, Authentication user) {
        TrustedFlagger flagger =
                registries.register(request.details(), Caller.of(user).actor());
        return ResponseEntity.created(URI.create("/api/registries/trusted-flaggers/" + flagger.id()))
                .body(flagger);
    }

    @PutMapping(path = "/trusted-flaggers/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TrustedFlagger update(@PathVariable String id, @RequestBody FlaggerRequest request, Authentication user) {
        return registries.update(
                id, request.details(), request.reason(), Caller.of(user).actor());
    }

    @PostMapping(path = "/trusted-flaggers/{id}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    TrustedFlagger revoke(@PathVariable String id, @RequestBody Revocation revocation, Authentication user) {
        return registries.revokeTrustedFlagger(
                id, revocation.reason(), Caller.of(user).actor());
    }

    @GetMapping("/authorities")
    List<CompetentAuthority> authorities() {
        return registries.authorities();
    }

    @GetMapping("/authorities/{id}")
    CompetentAuthority authority(@PathVariable String id) {
        return registries.authority(id);
    }

    @PostMapping(path = "/authorities", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CompetentAuthority> register(@RequestBody AuthorityRequest request, Authentication user) {
        CompetentAuthority authority =
                registries.register(request.details(), Caller.of(user).actor());
        return ResponseEntity.created(URI.create("/api/registries/authorities/" + authority.id()))
                .body(authority);
    }

    @PutMapping(path = "/authorities/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompetentAuthority update(@PathVariable String id, @RequestBody AuthorityRequest request, Authentication user) {
        return registries.update(
                id, request.details(), request.reason(), Caller.of(user).actor());
    }

    @PostMapping(path = "/authorities/{id}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompetentAuthority revokeAuthority(
            @PathVariable String id, @RequestBody Revocation revocation, Authentication user) {
        return registries.revokeAuthority(
                id, revocation.reason(), Caller.of(user).actor());
    }

    @Order(0)
    @RestControllerAdvice(assignableTypes = RegistryApi.class)
    static class RegistryProblems {

        @ExceptionHandler(InvalidRegistryEntryException.class)
        ResponseEntity<ProblemDetail> invalid(InvalidRegistryEntryException e) {
            return problem(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "registry-entry-invalid",
                    "Invalid registry entry",
                    "see errors",
                    e.problems()));
        }

        @ExceptionHandler(RegistryConflictException.class)
        ResponseEntity<ProblemDetail> conflict(RegistryConflictException e) {
            return problem(Problems.of(
                    HttpStatus.CONFLICT,
                    "registry-conflict",
                    "Conflicts with the registry",
                    "see errors",
                    e.problems()));
        }

        @ExceptionHandler(RegistryEntryNotFoundException.class)
        ResponseEntity<ProblemDetail> notFound(RegistryEntryNotFoundException e) {
            return problem(Problems.of(HttpStatus.NOT_FOUND, "registry-entry-not-found", "Not found", e.getMessage()));
        }

        private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
            return ResponseEntity.status(problem.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
