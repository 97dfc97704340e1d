package dev.takedown.aigc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.InflaterInputStream;

/**
 * Reads the implicit (metadata) label of an AI-generated image required by the Labelling Measures and GB 45438-2025:
 * the fields {@code Label}, {@code ContentProducer}, {@code ProduceID}, {@code ContentPropagator} and
 * {@code PropagateID}, carried as an {@code AIGC} JSON value in a PNG text chunk (tEXt, zTXt, iTXt) or in XMP (PNG
 * iTXt {@code XML:com.adobe.xmp}, JPEG APP1). A small chunk reader rather than an imaging library: only metadata is
 * read, never pixels, and XMP is matched as text so that no XML parser (and no external entity) is involved.
 */
public final class ImplicitLabels {

    public enum Status {
        PRESENT,
        MISSING,
        TAMPERED
    }

    /** The fields GB 45438-2025 requires of an implicit label; propagation fields are added by each platform. */
    public static final List<String> REQUIRED = List.of("Label", "ContentProducer", "ProduceID");

    public static final List<String> FIELDS =
            List.of("Label", "ContentProducer", "ProduceID", "ContentPropagator", "PropagateID");

    /** How much decompressed text one chunk may yield: a label is a few hundred bytes, a zip bomb is not. */
    static final int MAX_TEXT = 1 << 20;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] XMP_APP1 = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final Pattern XMP_ELEMENT =
            Pattern.compile("<(?:[\\w.-]+:)?AIGC\\b[^>]*>(.*?)</(?:[\\w.-]+:)?AIGC>", Pattern.DOTALL);
    private static final Pattern XMP_ATTRIBUTE = Pattern.compile("(?:[\\w.-]+:)?AIGC\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImplicitLabels() {}

    /**
     * What an image says about itself, and whether that is a proper label for the target.
     *
     * @param status  present (all required fields, ProduceID as expected), missing (no label) or tampered
     * @param fields  the label fields found, in {@link #FIELDS} order
     * @param source  where the label was found (e.g. {@code PNG tEXt AIGC}, {@code JPEG XMP}); null when missing
     * @param problem why a label counts as tampered; null otherwise
     */
    public record Assessment(Status status, Map<String, String> fields, String source, String problem) {}

    /**
     * Reads the image's label and compares its ProduceID with the one the notice gave for the target.
     *
     * @param expectedProduceId the target's {@code produce_id}; null when the notice named none
     */
    public static Assessment assess(byte[] image, String expectedProduceId) {
        Optional<Found> found;
        try {
            found = find(image);
        } catch (MalformedImage e) {
            return new Assessment(Status.TAMPERED, Map.of(), null, "unreadable metadata: " + e.getMessage());
        }
        if (found.isEmpty()) {
            return new Assessment(Status.MISSING, Map.of(), null, null);
        }
        Found label = found.get();
        JsonNode json;
        try {
            json = JSON.readTree(label.value());
        } catch (IOException e) {
            return new Assessment(Status.TAMPERED, Map.of(), label.source(), "the AIGC value is not JSON");
        }
        if (json == null || !json.isObject()) {
            return new Assessment(Status.TAMPERED, Map.of(), label.source(), "the AIGC value is not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode value = json.get(field);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                fields.put(field, value.asText());
            }
        }
        for (String field : REQUIRED) {
            if (!fields.containsKey(field)) {
                return new Assessment(Status.TAMPERED, fields, label.source(), "required field " + field + " missing");
            }
        }
        if (expectedProduceId != null && !expectedProduceId.equals(fields.get("ProduceID"))) {
            return new Assessment(
                    Status.TAMPERED, fields, label.source(), "ProduceID does not match the target's produce_id");
        }
        return new Assessment(Status.PRESENT, fields, label.source(), null);
    }

    private record Found(String source, String value) {}

    private static Optional<Found> find(byte[] image) {
        if (startsWith(image, PNG, 0)) {
            return png(image);
        }
        if (image.length > 2 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8) {
            return jpeg(image);
        }
        throw new MalformedImage("neither PNG nor JPEG");
    }

    private static Optional<Found> png(byte[] image) {
        ByteBuffer in = ByteBuffer.wrap(image);
        in.position(PNG.length);
        Optional<Found> xmp = Optional.empty();
        boolean ended = false;
        while (!ended && in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            String chunk = new String(type, StandardCharsets.ISO_8859_1);
            if (length < 0 || length > in.remaining() - 4) {
                throw new MalformedImage("chunk " + chunk + " overruns the file");
            }
            byte[] data = new byte[length];
            in.get(data);
            in.getInt(); // CRC: a label edited without fixing it is still read; ProduceID decides tampering
            ended = chunk.equals("IEND");
            Optional<String[]> text =
                    switch (chunk) {
                        case "tEXt" -> Optional.of(tEXt(data));
                        case "zTXt" -> Optional.of(zTXt(data));
                        case "iTXt" -> Optional.of(iTXt(data));
                        default -> Optional.empty();
                    };
            if (text.isPresent()) {
                String keyword = text.get()[0];
                if (keyword.equals("AIGC")) {
                    return Optional.of(new Found("PNG " + chunk + " AIGC", text.get()[1]));
                }
                if (keyword.equals("XML:com.adobe.xmp")) {
                    xmp = xmp.or(() -> fromXmp(text.get()[1], "PNG XMP"));
                }
            }
        }
        if (!ended) {
            throw new MalformedImage("truncated: no IEND chunk");
        }
        return xmp;
    }

    private static Optional<Found> jpeg(byte[] image) {
        int at = 2;
        while (at + 4 <= image.length) {
            if ((image[at] & 0xff) != 0xff) {
                throw new MalformedImage("JPEG marker expected at byte " + at);
            }
            int marker = image[at + 1] & 0xff;
            if (marker == 0xd9 || marker == 0xda) {
                break; // end of image, or start of scan: metadata segments come before it
            }
            int length = ((image[at + 2] & 0xff) << 8) | (image[at + 3] & 0xff);
            if (length < 2 || at + 2 + length > image.length) {
                throw new MalformedImage("JPEG segment overruns the file");
            }
            int start = at + 4;
            if (marker == 0xe1 && startsWith(image, XMP_APP1, start)) {
                String xml = new String(
                        image, start + XMP_APP1.length, length - 2 - XMP_APP1.length, StandardCharsets.UTF_8);
                Optional<Found> found = fromXmp(xml, "JPEG XMP");
                if (found.isPresent()) {
                    return found;
                }
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<Found> fromXmp(String xml, String source) {
        Matcher element = XMP_ELEMENT.matcher(xml);
        if (element.find()) {
            return Optional.of(new Found(source, unescape(element.group(1).strip())));
        }
        Matcher attribute = XMP_ATTRIBUTE.matcher(xml);
        if (attribute.find()) {
            String value = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
            return Optional.of(new Found(source, unescape(value)));
        }
        return Optional.empty();
    }

    private static String unescape(String xml) {
        return xml.replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String[] tEXt(byte[] data) {
        int nul = nul(data, 0);
        return new String[] {latin1(data, 0, nul), latin1(data, nul + 1, data.length)};
    }

    private static String[] zTXt(byte[] data) {
        int nul = nul(data, 0);
        if (nul + 2 > data.length) {
            throw new MalformedImage("zTXt without compression method");
        }
        byte[] text = inflate(data, nul + 2);
        return new String[] {latin1(data, 0, nul), new String(text, StandardCharsets.ISO_8859_1)};
    }

    private static String[] iTXt(byte[] data) {
        int nul = nul(data, 0);
        if (nul + 3 > data.length) {
            throw new MalformedImage("iTXt header truncated");
        }
        boolean compressed = data[nul + 1] != 0;
        int language = nul(data, nul + 3);
        int translated = nul(data, language + 1);
        byte[] text =
                compressed ? inflate(data, translated + 1) : Arrays.copyOfRange(data, translated + 1, data.length);
        return new String[] {latin1(data, 0, nul), new String(text, StandardCharsets.UTF_8)};
    }

    private static byte[] inflate(byte[] data, int from) {
        try (var in = new InflaterInputStream(new ByteArrayInputStream(data, from, data.length - from))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_TEXT) {
                    throw new MalformedImage("compressed text larger than " + MAX_TEXT + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new MalformedImage("compressed text unreadable");
        }
    }

    private static int nul(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        throw new MalformedImage("text chunk without keyword separator");
    }

    private static String latin1(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] data, byte[] prefix, int at) {
        if (data.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static final class MalformedImage extends RuntimeException {

        MalformedImage(String message) {
            super(message, null, false, false);
        }
    }
}
