package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Limits on what a request may make the server read, over raw sockets so that the test controls every byte: a JSON
 * body without a Content-Length is cut off at {@code takedown.api.max-json-bytes} (413 problem+json), and a multipart
 * body from someone not signed in is answered before the server reads it (its parts are never parsed).
 */
class InputLimitsIT extends StackTest {

    /** takedown.api.max-json-bytes, the default. */
    private static final int MAX_JSON = 16 * 1024 * 1024;

    @Test
    void aChunkedJsonBodyOverTheLimitIsRefusedWith413() throws Exception {
        String response = chunkedJson("/api/notices", "rightsholder-a", MAX_JSON + 64 * 1024);

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json");
        assertThat(response).contains("JSON bodies are limited to " + MAX_JSON + " bytes");
    }

    @Test
    void aChunkedJsonBodyUnderTheLimitIsReadAsUsual() throws Exception {
        String response = chunkedJson("/api/notices", "rightsholder-a", 256 * 1024);

        assertThat(response).as("read whole, then refused for what it says").startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void anAnonymousMultipartUploadIsAnsweredBeforeItsBodyIsRead() throws Exception {
        String someCase = UUID.randomUUID().toString();
        assertThat(partialMultipart("/api/cases/" + someCase + "/evidence")).startsWith("HTTP/1.1 401");
        assertThat(partialMultipart("/notices/" + someCase + "/targets?_csrf=forged"))
                .startsWith("HTTP/1.1 403");
        assertThat(partialMultipart("/works")).startsWith("HTTP/1.1 403");
        assertThat(partialMultipart("/login")).startsWith("HTTP/1.1 403");
        assertThat(partialMultipart("/engine-rest/deployment/create")).startsWith("HTTP/1.1 401");
    }

    /**
     * Announces 50 MB of multipart, sends 100 bytes and waits: an answer can only come from a server that did not
     * try to read (parse) the body, which it would wait for.
     */
    private String partialMultipart(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: multipart/form-data; boundary=b0undary\r\n"
                            + "Content-Length: 50000000\r\n\r\n"
                            + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
                            + "https://gen.test/1\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                return head(socket.getInputStream());
            } catch (SocketTimeoutException waited) {
                throw new AssertionError(path + ": no answer while the body was incomplete; the server read it");
            }
        }
    }

    /** POSTs {@code size} bytes of JSON in 64 KB chunks without a Content-Length; the answer's head and body. */
    private String chunkedJson(String path, String user, int size) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials + "\r\n"
                            + "Content-Type: application/json\r\nIdempotency-Key: chunked-" + UUID.randomUUID() + "\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // the writer may be cut off when the server answers early; the answer is what counts
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    byte[] filler = new byte[64 * 1024];
                    Arrays.fill(filler, (byte) 'a');
                    chunk(out, "{\"works\":[{\"title\":\"".getBytes(StandardCharsets.US_ASCII));
                    int sent = 0;
                    while (sent < size) {
                        chunk(out, filler);
                        sent += filler.length;
                    }
                    chunk(out, "\"}]}".getBytes(StandardCharsets.US_ASCII));
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByServer) {
                    // expected once the limit is passed
                }
            });
            String answer = answer(socket);
            writing.cancel(true);
            return answer;
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The status line and headers, and whatever of the body arrives within a second after them. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            int n = in.read(buffer);
            if (n < 0) {
                return answer.toString(StandardCharsets.UTF_8);
            }
            answer.write(buffer, 0, n);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** The answer's head and as much of its body as arrives within two seconds of it. */
    private static String answer(Socket socket) throws IOException {
        String head = head(socket.getInputStream());
        StringBuilder answer = new StringBuilder(head);
        socket.setSoTimeout(2_000);
        byte[] buffer = new byte[8192];
        try {
            int n = socket.getInputStream().read(buffer);
            while (n > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (answer.indexOf("}") > 0) {
                    break;
                }
                n = socket.getInputStream().read(buffer);
            }
        } catch (SocketTimeoutException | SocketException enough) {
            // what arrived is the answer
        }
        return answer.toString();
    }
}
