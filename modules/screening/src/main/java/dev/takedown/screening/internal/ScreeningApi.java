package dev.takedown.screening.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.screening.ScreeningIndex;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Asked by the platform's services before they serve a URL: is it under a measure? */
@RestController
class ScreeningApi {

    private final ScreeningIndex index;

    ScreeningApi(ScreeningIndex index) {
        this.index = index;
    }

    @GetMapping("/api/screening/url")
    Verdict check(@RequestParam String url) {
        return index.check(url).map(ids -> new Verdict(url, true, List.copyOf(ids)))
                .orElseGet(() -> new Verdict(url, false, List.of()));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Verdict(String url, boolean blocked, List<String> measureIds) {
    }
}
