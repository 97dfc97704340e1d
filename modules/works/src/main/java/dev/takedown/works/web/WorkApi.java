package dev.takedown.works.web;

import dev.takedown.kernel.Caller;
import dev.takedown.works.ProtectedWork;
import dev.takedown.works.ProtectedWorks;
import dev.takedown.works.WorkDefinition;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The protected-works registry of the caller's organisation. */
@RestController
@RequestMapping(path = "/api/works", produces = MediaType.APPLICATION_JSON_VALUE)
class WorkApi {

    private final ProtectedWorks works;

    WorkApi(ProtectedWorks works) {
        this.works = works;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProtectedWork> register(@RequestBody WorkDefinition definition, Authentication authentication) {
        ProtectedWork work = works.register(definition, Caller.of(authentication));
        return ResponseEntity.created(URI.create("/api/works/" + work.workId())).body(work);
    }

    @GetMapping
    List<ProtectedWork> list(Authentication authentication) {
        return works.list(Caller.of(authentication));
    }

    @GetMapping("/{workId}")
    ProtectedWork get(@PathVariable String workId, Authentication authentication) {
        return works.find(workId, Caller.of(authentication))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no work " + workId));
    }
}
