package dev.takedown.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void everyEventRecordOfTheContractIsDeclared() throws IOException, URISyntaxException {
        Path dir = Path.of(TakedownEvent.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("dev/takedown/events");
        List<Class<?>> records;
        try (Stream<Path> files = Files.list(dir)) {
            records = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load("dev.takedown.events." + name.replace(".class", "")))
                    .filter(c -> c.isRecord() && TakedownEvent.class.isAssignableFrom(c))
                    .toList();
        }

        assertThat(records).isNotEmpty();
        assertThat(Provenance.EVENTS)
                .containsExactlyInAnyOrderElementsOf(records.stream()
                        .map(c -> c.asSubclass(TakedownEvent.class))
                        .toList());
    }

    @Test
    void everyTopicIsEitherOursWithDeclaredTypesOrExternal() {
        for (String topic : Topics.ALL) {
            assertThat(Provenance.isExternal(topic)
                            == Provenance.declaredTypes(topic).isEmpty())
                    .as(topic)
                    .isTrue();
        }
        assertThat(Provenance.EXTERNAL_TOPICS)
                .containsExactlyInAnyOrder(
                        Topics.NOTICES_INBOUND,
                        Topics.ENFORCEMENT_RESULTS,
                        Topics.RISK_WARNINGS,
                        Topics.SCREENING_EVENTS);
        assertThat(Provenance.isDeclared(Topics.NOTICE_EVENTS, "dev.takedown.notice.decided.v1"))
                .isTrue();
        assertThat(Provenance.isDeclared(Topics.TASKS, "dev.takedown.notice.decided.v1"))
                .as("declared for its own topic only")
                .isFalse();
        assertThat(Provenance.declaredTypes(Topics.NOTICES_INBOUND)).isEmpty();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
