package dev.takedown.screening;

/** The bytes are not an image this node can decode (or are too large to decode safely). */
public class UnreadableImageException extends RuntimeException {

    public UnreadableImageException(String message) {
        super(message);
    }
}
