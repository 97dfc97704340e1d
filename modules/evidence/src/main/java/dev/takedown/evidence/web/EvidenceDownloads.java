package dev.takedown.evidence.web;

import dev.takedown.evidence.EvidenceContent;
import dev.takedown.evidence.StoredEvidence;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How an evidence file goes back to a reader: always as an attachment, typed as detected at upload, never sniffed,
 * sandboxed should a browser render it anyway, and named by an ASCII fallback plus the RFC 5987 UTF-8 name.
 */
final class EvidenceDownloads {

    private EvidenceDownloads() {}

    static ResponseEntity<Resource> response(EvidenceContent content) {
        StoredEvidence evidence = content.evidence();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(evidence.mediaType()));
        headers.setContentLength(evidence.size());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(evidence.displayName()));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        headers.setCacheControl(CacheControl.noStore().cachePrivate());
        return new ResponseEntity<>(content.content(), headers, HttpStatus.OK);
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266 §4.3). */
    static String contentDisposition(String name) {
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    /** Printable ASCII only; quotes, backslashes and percent signs (which some browsers decode) become '_'. */
    static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints()
                .forEach(
                        c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return ascii.toString();
    }

    private static String rfc5987(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
