package dev.takedown.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Files named by their SHA-256 under {@code <directory>/sha256/ab/cdef…}: the same bytes are stored once. A file is
 * written to {@code <directory>/incoming} while it is hashed and measured, and moved into place atomically only when
 * the whole upload is accepted, so a reader never sees a partial file.
 */
public final class ContentStore {

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path objects;
    private final Path incoming;

    public ContentStore(Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        this.objects = Files.createDirectories(root.resolve("sha256"));
        this.incoming = Files.createDirectories(root.resolve("incoming"));
    }

    /** A file written and hashed, not yet in place. */
    public record Staged(Path file, String sha256, long size) {}

    /** Thrown when more than the limit arrives; the partial file is already deleted. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("larger than " + limit + " bytes");
        }
    }

    /** Copies at most {@code maxBytes} to a temporary file while hashing them. */
    public Staged stage(InputStream content, long maxBytes) throws IOException {
        Path file = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                int read;
                while ((read = content.read(buffer)) > 0) {
                    size += read;
                    if (size > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    sha256.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            return new Staged(file, HexFormat.of().formatHex(sha256.digest()), size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Moves a staged file into place; false if the same bytes were stored before (the staged copy is dropped). */
    public boolean commit(Staged staged) throws IOException {
        Path target = pathOf(staged.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(staged.file());
            return false;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException concurrentlyStored) {
            Files.deleteIfExists(staged.file());
            return false;
        }
    }

    public void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in hex");
        }
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
