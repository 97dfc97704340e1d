package dev.takedown.notices.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.notices.ResponseTimes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every published version of the response times, newest first; public like the complaint page that shows them. */
@RestController
class ResponseTimesApi {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PublishedVersion(
            int version, String hash, Instant appliesFrom, Instant appliesUntil, Map<String, String> times) {}

    private final ResponseTimes responseTimes;

    ResponseTimesApi(ResponseTimes responseTimes) {
        this.responseTimes = responseTimes;
    }

    @GetMapping(path = "/api/response-times", produces = MediaType.APPLICATION_JSON_VALUE)
    List<PublishedVersion> versions() {
        List<ResponseTimes.Version> versions = responseTimes.versions();
        return IntStream.range(0, versions.size())
                .mapToObj(i -> {
                    ResponseTimes.Version v = versions.get(i);
                    // newest first: a version applies until the next one (the one before it in the list) took over
                    Instant until = i == 0 ? null : versions.get(i - 1).appliesFrom();
                    return new PublishedVersion(v.version(), v.hash(), v.appliesFrom(), until, v.times());
                })
                .toList();
    }
}
