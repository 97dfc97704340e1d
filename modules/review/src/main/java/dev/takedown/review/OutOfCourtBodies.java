package dev.takedown.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.out-of-court.referral-bodies.<id>.name}, {@code .url}: the out-of-court dispute settlement bodies
 * certified under DSA Art. 21(3) that decisions may be referred to. A body without a name stops the start naming the
 * setting.
 */
@ConfigurationProperties("takedown.out-of-court")
public record OutOfCourtBodies(Map<String, Body> referralBodies) {

    public record Body(String name, String url) {}

    public OutOfCourtBodies {
        referralBodies = referralBodies == null ? Map.of() : new TreeMap<>(referralBodies);
        List<String> problems = new ArrayList<>();
        referralBodies.forEach((id, body) -> {
            if (body == null || body.name() == null || body.name().isBlank()) {
                problems.add("takedown.out-of-court.referral-bodies." + id + ".name is missing");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Out-of-court bodies incomplete: " + String.join("; ", problems));
        }
    }
}
