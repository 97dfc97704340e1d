package dev.takedown.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EvidencePropertiesTest {

    @Test
    void withoutADirectoryTheApplicationDoesNotStart() {
        assertThatThrownBy(() -> new EvidenceProperties(null, null, null, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takedown.evidence.directory");
        assertThatThrownBy(() -> new EvidenceProperties(Path.of(" "), null, null, null, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void limitsDefaultToTheDocumentedValues() {
        EvidenceProperties defaults =
                new EvidenceProperties(Path.of("/var/lib/takedown/evidence"), null, null, null, null);
        assertThat(defaults.maxFileSize().toMegabytes()).isEqualTo(20);
        assertThat(defaults.maxFilesPerRequest()).isEqualTo(5);
        assertThat(defaults.maxFilesPerCase()).isEqualTo(20);
        assertThat(defaults.archive().limits()).isEqualTo(new ZipInspector.Limits(1000, 100L * 1024 * 1024, 100));
    }
}
