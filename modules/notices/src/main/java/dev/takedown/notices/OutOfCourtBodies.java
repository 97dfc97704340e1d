package dev.takedown.notices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.out-of-court.bodies.<id>.name}, {@code .url}: the out-of-court dispute settlement bodies certified
 * under DSA Art. 21(3). A statement of reasons names them (Art. 17(3)(f)) and compliance refers decisions to them. A
 * body without a name stops the start naming the setting.
 */
@ConfigurationProperties("takedown.out-of-court")
public record OutOfCourtBodies(Map<String, Body> bodies) {

    public record Body(String name, String url) {}

    public OutOfCourtBodies {
        bodies = bodies == null ? Map.of() : new TreeMap<>(bodies);
        List<String> problems = new ArrayList<>();
        bodies.forEach((id, body) -> {
            if (body == null || body.name() == null || body.name().isBlank()) {
                problems.add("takedown.out-of-court.bodies." + id + ".name is missing");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Out-of-court bodies incomplete: " + String.join("; ", problems));
        }
    }

    /** The bodies' names as a statement of reasons lists them; empty when none is configured. */
    public String names() {
        return bodies.values().stream().map(Body::name).collect(Collectors.joining("; "));
    }
}
