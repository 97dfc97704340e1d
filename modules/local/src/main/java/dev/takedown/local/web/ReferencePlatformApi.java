package dev.takedown.local.web;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.Problems;
import dev.takedown.local.messaging.ReferencePlatformAdapter;
import dev.takedown.local.messaging.ReferencePlatformAdapter.Mode;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators switch what the local stack's reference platform answers while it runs ({@code ack}, {@code fail},
 * {@code silent}), so that the demo shows a confirmed removal, a failure and its task, or silence and its escalation
 * without a restart. Under {@code /api/admin}: role ADMIN (SecurityConfiguration). Local profile only.
 */
@RestController
@Profile("local")
@ConditionalOnProperty(name = "takedown.reference-adapter.enabled", havingValue = "true")
class ReferencePlatformApi {

    static final String PATH = "/api/admin/reference-platform";

    /** The body of a switch: {@code {"mode": "fail"}}. */
    record ModeRequest(String mode) {}

    private final ReferencePlatformAdapter adapter;

    ReferencePlatformApi(ReferencePlatformAdapter adapter) {
        this.adapter = adapter;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> mode() {
        return Map.of("mode", adapter.mode().toString());
    }

    @PutMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> switchTo(@RequestBody ModeRequest request) {
        String named = request == null ? null : request.mode();
        return Mode.named(named)
                .<ResponseEntity<?>>map(mode -> {
                    adapter.switchTo(mode);
                    return ResponseEntity.ok(mode());
                })
                .orElseGet(() -> {
                    ProblemDetail problem = Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "invalid-mode",
                            "Unknown mode",
                            "the reference platform answers ack, fail or silent",
                            List.of(new FieldProblem("mode", "one of ack, fail, silent")));
                    return ResponseEntity.badRequest()
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(problem);
                });
    }
}
