package dev.takedown.evidence.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Decides whether a ZIP may be kept, without extracting anything. Names are checked in the central directory (what
 * extraction tools read) and in the local headers (what streaming readers read); sizes are never taken from the
 * headers: every entry is inflated into a scratch buffer and the bytes that actually come out are counted against
 * the total limit and against the ratio to the compressed bytes consumed so far. Nested archives are not opened:
 * each is one entry whose bytes count like any other.
 */
public final class ZipInspector {

    /** Below this many inflated bytes the ratio is not judged: tiny text files compress very well. */
    static final long RATIO_FLOOR = 1024 * 1024;

    public record Limits(int maxEntries, long maxInflatedBytes, int maxRatio) {}

    /** Why an archive is refused; the message is safe to show (it may quote an entry name, which callers escape). */
    public static final class UnsafeArchiveException extends Exception {
        UnsafeArchiveException(String message) {
            super(message);
        }
    }

    private final Limits limits;

    public ZipInspector(Limits limits) {
        this.limits = limits;
    }

    public void inspect(Path zip) throws UnsafeArchiveException, IOException {
        centralDirectory(zip);
        stream(zip);
    }

    private void centralDirectory(Path zip) throws UnsafeArchiveException, IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            int entries = 0;
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                if (++entries > limits.maxEntries()) {
                    throw new UnsafeArchiveException("more than " + limits.maxEntries() + " entries");
                }
                checkName(e.nextElement().getName());
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException unreadable) {
            throw new UnsafeArchiveException("not a readable ZIP archive");
        }
    }

    private void stream(Path zip) throws UnsafeArchiveException, IOException {
        try (Counting compressed = new Counting(new BufferedInputStream(Files.newInputStream(zip)));
                ZipInputStream in = new ZipInputStream(compressed)) {
            byte[] scratch = new byte[64 * 1024];
            int entries = 0;
            long inflated = 0;
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new UnsafeArchiveException("more than " + limits.maxEntries() + " entries");
                }
                checkName(entry.getName());
                int read;
                while ((read = in.read(scratch)) > 0) {
                    inflated += read;
                    if (inflated > limits.maxInflatedBytes()) {
                        throw new UnsafeArchiveException(
                                "inflates to more than " + limits.maxInflatedBytes() + " bytes");
                    }
                    if (inflated > RATIO_FLOOR && inflated > (long) limits.maxRatio() * Math.max(1, compressed.count)) {
                        throw new UnsafeArchiveException(
                                "inflates more than " + limits.maxRatio() + " times its compressed size (zip bomb)");
                    }
                }
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException unreadable) {
            throw new UnsafeArchiveException("not a readable ZIP archive");
        }
    }

    /** Zip-slip: an entry that would land outside the folder it is extracted to, on any operating system. */
    static void checkName(String name) throws UnsafeArchiveException {
        if (name == null || name.isEmpty()) {
            throw new UnsafeArchiveException("an entry has no name");
        }
        String shown = name.length() > 100 ? name.substring(0, 100) + "…" : name;
        if (name.indexOf('\\') >= 0) {
            throw new UnsafeArchiveException("entry '" + shown + "' contains a backslash");
        }
        if (name.startsWith("/")) {
            throw new UnsafeArchiveException("entry '" + shown + "' is an absolute path");
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            throw new UnsafeArchiveException("entry '" + shown + "' names a drive");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                throw new UnsafeArchiveException("entry '" + shown + "' leaves the archive's folder");
            }
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new UnsafeArchiveException("an entry name contains control characters");
        }
    }

    /** Counts the compressed bytes handed to the ZIP reader. */
    private static final class Counting extends FilterInputStream {

        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
