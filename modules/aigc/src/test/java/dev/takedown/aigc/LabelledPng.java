package dev.takedown.aigc;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Small PNGs as a generation service writes them: without a label, or with an {@code AIGC} tEXt chunk. */
public final class LabelledPng {

    private LabelledPng() {}

    public static byte[] unlabelled() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The label JSON in a tEXt chunk right after IHDR (8-byte signature + 25-byte IHDR chunk), with its CRC. */
    public static byte[] labelled(String labelJson) {
        byte[] png = unlabelled();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("AIGC".getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.writeBytes(labelJson.getBytes(StandardCharsets.ISO_8859_1));
        byte[] text = data.toByteArray();
        CRC32 crc = new CRC32();
        crc.update("tEXt".getBytes(StandardCharsets.ISO_8859_1));
        crc.update(text);
        byte[] chunk = ByteBuffer.allocate(12 + text.length)
                .putInt(text.length)
                .put("tEXt".getBytes(StandardCharsets.ISO_8859_1))
                .put(text)
                .putInt((int) crc.getValue())
                .array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOfRange(png, 0, 33));
        out.writeBytes(chunk);
        out.writeBytes(Arrays.copyOfRange(png, 33, png.length));
        return out.toByteArray();
    }
}
