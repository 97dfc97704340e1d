package dev.takedown.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Types come from the bytes; the file name is never consulted (every sample here is named x.pdf). */
class ContentTypesTest {

    static final byte[] PNG = HexFormat.of()
            .parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4"
                    + "890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");

    @TempDir
    Path dir;

    private final ContentTypes types = new ContentTypes();

    @Test
    void allowlistedTypesAreRecognised() throws IOException {
        assertThat(detect(PNG)).isEqualTo("image/png");
        assertThat(detect(HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffd9")))
                .isEqualTo("image/jpeg");
        assertThat(detect("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("image/gif");
        assertThat(detect("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("image/webp");
        assertThat(detect("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(detect("法院受理通知书 (2026) 京0108民初1号\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/plain");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            ZipInspectorTest.entry(out, "a.txt", "x".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(detect(zip.toByteArray())).isEqualTo(ContentTypes.ZIP);
        for (String type : new String[] {
            "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", ContentTypes.ZIP
        }) {
            assertThat(ContentTypes.allowed(type)).isTrue();
        }
    }

    @Test
    void activeContentIsNotOnTheAllowlist() throws IOException {
        String html = detect(
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        String svg = detect(
                ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">" + "</svg>")
                        .getBytes(StandardCharsets.UTF_8));
        String exe = detect(HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b800000000000000400000000000"));
        String elf = detect(HexFormat.of().parseHex("7f454c4602010100000000000000000002003e00"));
        assertThat(html).isEqualTo("text/html");
        assertThat(svg).isEqualTo("image/svg+xml");
        for (String refused : new String[] {html, svg, exe, elf}) {
            assertThat(ContentTypes.allowed(refused)).as(refused).isFalse();
        }
    }

    private String detect(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("x.pdf"), bytes);
        return types.detect(file);
    }
}
