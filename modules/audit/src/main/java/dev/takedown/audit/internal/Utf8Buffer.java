package dev.takedown.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A reusable byte buffer that a record's hash preimage is written into as UTF-8, so the digest is fed bytes
 * directly: no StringBuilder, no char copy, no encoder. Printable ASCII, by far the common case, is copied byte for
 * byte; anything else takes the exact path of {@link CanonicalJson#string} and {@link String#getBytes}.
 */
final class Utf8Buffer {

    /** A buffer grown past this by one huge payload is dropped rather than kept for the thread's lifetime. */
    static final int MAX_KEPT = 1 << 16;

    private byte[] bytes = new byte[1024];
    private int length;

    void reset() {
        length = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    boolean oversized() {
        return bytes.length > MAX_KEPT;
    }

    void ascii(byte[] constant) {
        ensure(constant.length);
        System.arraycopy(constant, 0, bytes, length, constant.length);
        length += constant.length;
    }

    void ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    /**
     * {@code text} verbatim as UTF-8, as {@code text.getBytes(UTF_8)} encodes it: for ASCII text that is the JDK's
     * vectorised check and array copy, several times faster than any per-char loop for a long payload.
     */
    void raw(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    /** Bytes verbatim (a commitment's salt). */
    void raw(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, length, data.length);
        length += data.length;
    }

    /** A JSON string exactly as {@link CanonicalJson#string} writes it. */
    void string(String s) {
        int n = s.length();
        ensure(n + 2);
        int start = length;
        byte[] b = bytes;
        int at = start;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                // escapes and non-ASCII: rare in these fields, so the general path
                StringBuilder escaped = new StringBuilder(n + 16);
                CanonicalJson.string(s, escaped);
                length = start;
                raw(escaped.toString());
                return;
            }
            b[at++] = (byte) c;
        }
        b[at++] = '"';
        length = at;
    }

    /** Fields whose value usually repeats from record to record (topic, event type, ...) have a slot each. */
    static final int SLOTS = 5;

    private final String[] lastValue = new String[SLOTS];
    private final byte[][] lastBytes = new byte[SLOTS][];

    /**
     * {@link #nullableString} that remembers the bytes written for the slot's last value: an equal value (a
     * vectorised comparison) is copied instead of being examined char by char again.
     */
    void repeatedString(int slot, String s) {
        if (s != null && s.equals(lastValue[slot])) {
            ascii(lastBytes[slot]);
            return;
        }
        int start = length;
        nullableString(s);
        if (s != null) {
            lastValue[slot] = s;
            lastBytes[slot] = java.util.Arrays.copyOfRange(bytes, start, length);
        }
    }

    void nullableString(String s) {
        if (s == null) {
            ascii(NULL);
        } else {
            string(s);
        }
    }

    /** Text verbatim, expected to be ASCII (hex digits): anything else is UTF-8 encoded like {@link #raw}. */
    void asciiText(String s) {
        int n = s.length();
        ensure(n);
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                raw(s);
                return;
            }
            b[at++] = (byte) c;
        }
        length = at;
    }

    void number(long value) {
        if (value < 0) {
            raw(Long.toString(value));
            return;
        }
        ensure(20);
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int at = length + digits;
        length = at;
        long v = value;
        do {
            bytes[--at] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
    }

    /** Exactly what {@link Instant#toString()} gives. */
    void instant(Instant at) {
        if (!IsoInstant.appendAscii(at, this)) {
            raw(at.toString());
        }
    }

    void digits(int value, int width) {
        ensure(width);
        int end = length + width;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            byte[] grown = new byte[Math.max(bytes.length * 2, length + more)];
            System.arraycopy(bytes, 0, grown, 0, length);
            bytes = grown;
        }
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
}
