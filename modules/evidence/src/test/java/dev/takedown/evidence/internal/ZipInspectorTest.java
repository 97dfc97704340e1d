package dev.takedown.evidence.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZIP inspection on archives built here: zip-slip names, entry counts, inflated bytes and ratio, nesting. */
class ZipInspectorTest {

    private static final ZipInspector.Limits LIMITS = new ZipInspector.Limits(1000, 100L * 1024 * 1024, 100);

    @TempDir
    Path dir;

    @Test
    void ordinaryArchivePasses() throws IOException {
        Path zip = zip("ok.zip", out -> {
            entry(out, "scans/receipt.txt", "court acceptance notice 2026-001".getBytes(StandardCharsets.UTF_8));
            entry(out, "scans/", new byte[0]);
            entry(out, "photo.bin", random(200_000));
        });
        assertThatCode(() -> new ZipInspector(LIMITS).inspect(zip)).doesNotThrowAnyException();
    }

    @Test
    void zipSlipNamesAreRefused() throws IOException {
        for (String name : new String[] {
            "../../evil",
            "a/../../evil",
            "/etc/passwd",
            "..\\evil.txt",
            "C:/x.txt",
            "c:evil",
            "dir\\..\\x",
            "a/..",
            "bell\u0007.txt"
        }) {
            Path zip = zip("slip.zip", out -> entry(out, name, "x".getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> new ZipInspector(LIMITS).inspect(zip))
                    .as(name)
                    .isInstanceOf(ZipInspector.UnsafeArchiveException.class);
        }
    }

    @Test
    void harmlessDotsAreNotZipSlip() throws IOException {
        Path zip = zip("dots.zip", out -> {
            entry(out, "v1..2/notes..txt", "x".getBytes(StandardCharsets.UTF_8));
            entry(out, ".hidden", "x".getBytes(StandardCharsets.UTF_8));
        });
        assertThatCode(() -> new ZipInspector(LIMITS).inspect(zip)).doesNotThrowAnyException();
    }

    @Test
    void zipBombIsRefusedByRatio() throws IOException {
        Path zip = zip("bomb.zip", out -> entry(out, "zeros.bin", new byte[10 * 1024 * 1024]));
        assertThatThrownBy(() -> new ZipInspector(LIMITS).inspect(zip))
                .isInstanceOf(ZipInspector.UnsafeArchiveException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void inflatedTotalIsCountedNotTakenFromHeaders() throws IOException {
        // random bytes do not compress: ratio ~1, so only the total limit can stop this one
        Path zip = zip("big.zip", out -> {
            for (int i = 0; i < 3; i++) {
                entry(out, "part" + i, random(1024 * 1024));
            }
        });
        assertThatThrownBy(() -> new ZipInspector(new ZipInspector.Limits(1000, 2L * 1024 * 1024, 100)).inspect(zip))
                .isInstanceOf(ZipInspector.UnsafeArchiveException.class)
                .hasMessageContaining("inflates to more");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Path zip = zip("many.zip", out -> {
            for (int i = 0; i < 10_000; i++) {
                entry(out, "e" + i, new byte[0]);
            }
        });
        assertThatThrownBy(() -> new ZipInspector(LIMITS).inspect(zip))
                .isInstanceOf(ZipInspector.UnsafeArchiveException.class)
                .hasMessageContaining("more than 1000");
    }

    @Test
    void nestedArchivesAreCountedNotExpanded() throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(inner)) {
            for (int i = 0; i < 50; i++) {
                entry(out, "inner" + i, "x".getBytes(StandardCharsets.UTF_8));
            }
        }
        Path zip = zip("nested.zip", out -> entry(out, "inner.zip", inner.toByteArray()));
        assertThatCode(() -> new ZipInspector(new ZipInspector.Limits(2, 1024 * 1024, 100)).inspect(zip))
                .as("50 inner entries, but the outer archive has one")
                .doesNotThrowAnyException();
    }

    @Test
    void garbageIsNotAReadableArchive() throws IOException {
        Path notZip = dir.resolve("garbage.zip");
        byte[] bytes = random(4096);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        Files.write(notZip, bytes);
        assertThatThrownBy(() -> new ZipInspector(LIMITS).inspect(notZip))
                .isInstanceOf(ZipInspector.UnsafeArchiveException.class);
    }

    interface Entries {
        void write(ZipOutputStream out) throws IOException;
    }

    private Path zip(String name, Entries entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            entries.write(out);
        }
        return zip;
    }

    static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
