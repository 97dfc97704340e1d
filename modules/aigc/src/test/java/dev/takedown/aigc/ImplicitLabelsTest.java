package dev.takedown.aigc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.aigc.ImplicitLabels.Status;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Implicit labels (GB 45438-2025) read from images generated here, with metadata written by a small chunk writer. */
class ImplicitLabelsTest {

    private static final String LABEL = "{\"Label\":\"1\",\"ContentProducer\":\"001191110108MA01KP2T5U00000\","
            + "\"ProduceID\":\"P-2025-0001\",\"ContentPropagator\":\"001191110108MA01KP2T5U00000\","
            + "\"PropagateID\":\"S-77\"}";

    @Test
    void pngWithoutMetadataHasNoLabel() {
        var assessment = ImplicitLabels.assess(png(), "P-2025-0001");
        assertThat(assessment.status()).isEqualTo(Status.MISSING);
        assertThat(assessment.fields()).isEmpty();
    }

    @Test
    void pngTextChunkCarriesTheLabel() {
        var assessment = ImplicitLabels.assess(withChunk(png(), "tEXt", text("AIGC", LABEL)), "P-2025-0001");
        assertThat(assessment.status()).isEqualTo(Status.PRESENT);
        assertThat(assessment.source()).isEqualTo("PNG tEXt AIGC");
        assertThat(assessment.fields())
                .containsEntry("ContentProducer", "001191110108MA01KP2T5U00000")
                .containsEntry("PropagateID", "S-77")
                .hasSize(5);
    }

    @Test
    void compressedAndInternationalTextChunksAreRead() {
        byte[] z = concat(text("AIGC", ""), new byte[] {0}, deflate(LABEL.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(ImplicitLabels.assess(withChunk(png(), "zTXt", z), "P-2025-0001")
                        .source())
                .isEqualTo("PNG zTXt AIGC");
        byte[] i = concat(
                "AIGC".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {0, 1, 0, 0, 0},
                deflate(LABEL.getBytes(StandardCharsets.UTF_8)));
        var compressed = ImplicitLabels.assess(withChunk(png(), "iTXt", i), "P-2025-0001");
        assertThat(compressed.status()).isEqualTo(Status.PRESENT);
        assertThat(compressed.source()).isEqualTo("PNG iTXt AIGC");
    }

    @Test
    void pngXmpCarriesTheLabelAsAnEscapedElement() {
        String xmp =
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description xmlns:TC260=\"http://www.tc260.org.cn/ns/AIGC/1.0/\"><TC260:AIGC>"
                        + LABEL.replace("\"", "&quot;") + "</TC260:AIGC></rdf:Description></rdf:RDF></x:xmpmeta>";
        byte[] chunk = concat(
                "XML:com.adobe.xmp".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {0, 0, 0, 0, 0},
                xmp.getBytes(StandardCharsets.UTF_8));
        var assessment = ImplicitLabels.assess(withChunk(png(), "iTXt", chunk), "P-2025-0001");
        assertThat(assessment.status()).isEqualTo(Status.PRESENT);
        assertThat(assessment.source()).isEqualTo("PNG XMP");
    }

    @Test
    void jpegXmpCarriesTheLabelAsAnAttribute() {
        String xmp =
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description xmlns:TC260=\"http://www.tc260.org.cn/ns/AIGC/1.0/\" TC260:AIGC='" + LABEL
                        + "'/></rdf:RDF></x:xmpmeta>";
        var assessment = ImplicitLabels.assess(withApp1(jpeg(), xmp), "P-2025-0001");
        assertThat(assessment.status()).isEqualTo(Status.PRESENT);
        assertThat(assessment.source()).isEqualTo("JPEG XMP");
        assertThat(ImplicitLabels.assess(jpeg(), null).status()).isEqualTo(Status.MISSING);
    }

    @Test
    void aForeignProduceIdOrAMalformedLabelCountsAsTampered() {
        var foreign = ImplicitLabels.assess(withChunk(png(), "tEXt", text("AIGC", LABEL)), "P-OTHER");
        assertThat(foreign.status()).isEqualTo(Status.TAMPERED);
        assertThat(foreign.problem()).contains("ProduceID");
        assertThat(ImplicitLabels.assess(withChunk(png(), "tEXt", text("AIGC", "{\"Label\":")), null)
                        .status())
                .isEqualTo(Status.TAMPERED);
        var incomplete = ImplicitLabels.assess(withChunk(png(), "tEXt", text("AIGC", "{\"Label\":\"1\"}")), null);
        assertThat(incomplete.status()).isEqualTo(Status.TAMPERED);
        assertThat(incomplete.problem()).contains("ContentProducer");
        assertThat(ImplicitLabels.assess(withChunk(png(), "tEXt", text("AIGC", LABEL)), null)
                        .status())
                .as("without an expected ProduceID a complete label is present")
                .isEqualTo(Status.PRESENT);
    }

    @Test
    void truncatedOrForeignFilesAreTamperedNotErrors() {
        byte[] labelled = withChunk(png(), "tEXt", text("AIGC", LABEL));
        assertThat(ImplicitLabels.assess(Arrays.copyOf(labelled, 40), null).status())
                .isEqualTo(Status.TAMPERED);
        assertThat(ImplicitLabels.assess("GIF89a".getBytes(StandardCharsets.ISO_8859_1), null)
                        .status())
                .isEqualTo(Status.TAMPERED);
        byte[] bomb = concat(text("AIGC", ""), new byte[] {0}, deflate(new byte[ImplicitLabels.MAX_TEXT + 10]));
        assertThat(ImplicitLabels.assess(withChunk(png(), "zTXt", bomb), null).problem())
                .contains("larger");
    }

    // ------------------------------------------------------------------ image and chunk writers

    private static byte[] png() {
        return encode("png");
    }

    private static byte[] jpeg() {
        return encode("jpg");
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Inserts a chunk right after IHDR (8-byte signature + 25-byte IHDR chunk), with a correct CRC. */
    private static byte[] withChunk(byte[] png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue());
        int at = 8 + 25;
        return concat(Arrays.copyOfRange(png, 0, at), chunk.array(), Arrays.copyOfRange(png, at, png.length));
    }

    /** Inserts an XMP APP1 segment right after SOI. */
    private static byte[] withApp1(byte[] jpeg, String xmp) {
        byte[] body = concat(
                "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8));
        ByteBuffer segment = ByteBuffer.allocate(4 + body.length)
                .put((byte) 0xff)
                .put((byte) 0xe1)
                .putShort((short) (body.length + 2))
                .put(body);
        return concat(Arrays.copyOfRange(jpeg, 0, 2), segment.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] text(String keyword, String value) {
        return concat(
                keyword.getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {0},
                value.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
