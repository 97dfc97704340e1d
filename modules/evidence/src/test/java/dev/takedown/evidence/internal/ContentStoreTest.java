package dev.takedown.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {

    @TempDir
    Path dir;

    @Test
    void sameBytesAreStoredOnceUnderTheirHash() throws IOException {
        ContentStore store = new ContentStore(dir);
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        ContentStore.Staged first = store.stage(new ByteArrayInputStream(bytes), 10);
        ContentStore.Staged second = store.stage(new ByteArrayInputStream(bytes), 10);
        assertThat(first.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(store.commit(first)).isTrue();
        assertThat(store.commit(second)).isFalse();
        Path stored = dir.resolve("sha256/ba/7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(stored).hasBinaryContent(bytes);
        assertThat(files(dir.resolve("incoming"))).as("no staged leftovers").isZero();
    }

    @Test
    void overTheLimitLeavesNothingBehind() throws IOException {
        ContentStore store = new ContentStore(dir);
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[11]), 10))
                .isInstanceOf(ContentStore.TooLargeException.class);
        assertThat(files(dir)).isZero();
    }

    @Test
    void onlyHexHashesNamePaths() throws IOException {
        ContentStore store = new ContentStore(dir);
        assertThatThrownBy(() -> store.pathOf("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private static long files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}
