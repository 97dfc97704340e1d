package dev.takedown.screening;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Meta's PDQ reference data copied into src/test/resources/pdq (ThreatExchange, BSD licence). */
public final class PdqResources {

    private PdqResources() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Objects.requireNonNull(PdqResources.class.getResourceAsStream("/pdq/" + name), name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> lines(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }
}
