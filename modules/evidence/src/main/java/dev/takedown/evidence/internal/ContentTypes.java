package dev.takedown.evidence.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * The media type of stored bytes, from their magic numbers (Apache Tika's MimeTypes), never from the declared name.
 * Only what a reviewer can open without running anything is accepted: HTML and SVG can carry script, executables
 * and office formats can carry code.
 */
@Component
public class ContentTypes {

    public static final String ZIP = "application/zip";
    public static final Set<String> ALLOWED =
            Set.of("image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf", "text/plain", ZIP);

    private final Tika tika = new Tika();

    /** The detected type, without parameters; {@code application/octet-stream} when nothing matched. */
    public String detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            String type = tika.detect(in);
            int parameters = type.indexOf(';');
            return (parameters < 0 ? type : type.substring(0, parameters)).strip();
        }
    }

    public static boolean allowed(String mediaType) {
        return ALLOWED.contains(mediaType);
    }
}
