package dev.takedown.correspondence.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A mail server that refuses every recipient with the reply it is given (GreenMail accepts every address), so that
 * the letters' handling of a real SMTP refusal, as Jakarta Mail reports it, can be tested.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String recipientReply;
    private final Thread loop;

    /** @param recipientReply what the server answers to {@code RCPT TO}, e.g. {@code 550 5.1.1 no such user} */
    ScriptedSmtpServer(String recipientReply) {
        try {
            this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.recipientReply = recipientReply;
        this.loop = new Thread(this::serve, "scripted-smtp");
        loop.setDaemon(true);
        loop.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                // the test closed the server, or the client hung up
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4
                    ? line.toUpperCase()
                    : line.substring(0, 4).toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 scripted");
                case "MAIL" -> reply(out, "250 2.1.0 OK");
                case "RCPT" -> reply(out, recipientReply);
                case "RSET", "NOOP" -> reply(out, "250 OK");
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
