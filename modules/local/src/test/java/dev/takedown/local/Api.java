package dev.takedown.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the REST API as one demo user: real HTTP, real security filters. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    /** The header that carries the caller's credential ({@code Authorization} or {@code X-Api-Key}). */
    private final String credentialHeader;

    private final String credential;

    private Api(String baseUrl, String authorization) {
        this(baseUrl, "Authorization", authorization);
    }

    private Api(String baseUrl, String credentialHeader, String credential) {
        this.baseUrl = baseUrl;
        this.credentialHeader = credentialHeader;
        this.credential = credential;
    }

    static Api as(String baseUrl, String user) {
        return as(baseUrl, user, "demo");
    }

    static Api as(String baseUrl, String user, String password) {
        return new Api(
                baseUrl,
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static Api anonymous(String baseUrl) {
        return new Api(baseUrl, null);
    }

    /** A portal or platform service with an API key an administrator issued. */
    static Api withKey(String baseUrl, String key) {
        return new Api(baseUrl, "X-Api-Key", key);
    }

    /** An OAuth2 bearer token, as a client of the issuer sends it. */
    static Api bearer(String baseUrl, String token) {
        return new Api(baseUrl, "Bearer " + token);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    Response put(String path, String json) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                Map.of());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), Map.of());
    }

    Response post(String path, String json, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)),
                headers);
    }

    /** A file of a multipart/form-data body; its name goes out as an ASCII {@code filename} and as {@code filename*}. */
    record Part(String field, String filename, byte[] content) {}

    Response postMultipart(String path, List<Part> parts) {
        Multipart body = Multipart.of(parts);
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", body.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())),
                Map.of());
    }

    /** A multipart/form-data body as a browser builds it, plus the RFC 5987 file name Spring reads first. */
    record Multipart(String contentType, byte[] bytes) {

        static Multipart of(List<Part> parts) {
            String boundary = "----takedown" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Part part : parts) {
                StringBuilder head = new StringBuilder("--")
                        .append(boundary)
                        .append("\r\n")
                        .append("Content-Disposition: form-data; name=\"")
                        .append(part.field())
                        .append('"');
                if (part.filename() != null) {
                    head.append("; filename=\"")
                            .append(part.filename().replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_"))
                            .append("\"; filename*=UTF-8''")
                            .append(URLEncoder.encode(part.filename(), StandardCharsets.UTF_8)
                                    .replace("+", "%20")
                                    .replace("*", "%2A"));
                    head.append("\r\nContent-Type: application/octet-stream");
                }
                head.append("\r\n\r\n");
                out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                out.writeBytes(part.content());
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }

    private Response send(HttpRequest.Builder request, Map<String, String> headers) {
        if (credential != null) {
            request.header(credentialHeader, credential);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, String contentType, String location, String replayed) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
