package dev.takedown.aigc.web;

import dev.takedown.aigc.UnlabelledOutputs;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The platform logs each output it provided without the explicit label (Labelling Measures Art. 9). */
@RestController
class UnlabelledOutputApi {

    private final UnlabelledOutputs outputs;

    UnlabelledOutputApi(UnlabelledOutputs outputs) {
        this.outputs = outputs;
    }

    /** Recorded under the calling credential; 400 naming every field at fault. */
    @PostMapping(
            path = "/api/aigc/unlabelled-outputs",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> report(
            @RequestBody UnlabelledOutputs.Report report, Authentication authentication) {
        return ResponseEntity.accepted().body(Map.of("event_id", outputs.record(report, authentication.getName())));
    }
}
