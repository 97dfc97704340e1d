package dev.takedown.bench.intake;

import dev.takedown.bench.bulk.BulkCsv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk notices filed back to back while small notices are measured (issue 9: "small notices' p99 at most doubles
 * while a bulk runs"): each round files a notice and uploads {@code rows} target URLs to its case as one CSV
 * ({@link BulkCsv}: 20 % duplicates, 5 % malformed), as its sender would, with the same API key.
 */
final class BulkBackground implements AutoCloseable {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI baseUrl;
    private final String apiKey;
    private final byte[] csv;
    private final List<Double> uploadSeconds = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    private BulkBackground(String baseUrl, String apiKey, int rows) {
        this.baseUrl = URI.create(baseUrl);
        this.apiKey = apiKey;
        this.csv = BulkCsv.csv(rows);
        this.thread = new Thread(this::run, "bulk-background");
        this.thread.setDaemon(true);
    }

    /** Starts filing and uploading in the background. */
    static BulkBackground start(String baseUrl, String apiKey, int rows) {
        BulkBackground bulk = new BulkBackground(baseUrl, apiKey, rows);
        bulk.thread.start();
        return bulk;
    }

    private void run() {
        try {
            while (running) {
                HttpResponse<String> filed = http.send(
                        HttpRequest.newBuilder(baseUrl.resolve("/api/notices"))
                                .header("Content-Type", "application/json")
                                .header("X-Api-Key", apiKey)
                                .POST(HttpRequest.BodyPublishers.ofString(LoadDriver.notice()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String caseId = LoadDriver.caseId(filed.body())
                        .orElseThrow(() -> new IllegalStateException("bulk notice not filed: " + filed.statusCode()));
                long started = System.nanoTime();
                HttpResponse<String> uploaded = http.send(
                        HttpRequest.newBuilder(baseUrl.resolve("/api/notices/" + caseId + "/targets"))
                                .timeout(Duration.ofMinutes(5))
                                .header("Content-Type", "text/csv")
                                .header("X-Api-Key", apiKey)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (uploaded.statusCode() != 200) {
                    throw new IllegalStateException("bulk upload: " + uploaded.statusCode() + " " + uploaded.body());
                }
                synchronized (uploadSeconds) {
                    uploadSeconds.add((System.nanoTime() - started) / 1e9);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Uploads completed so far and their durations in seconds. */
    List<Double> uploads() {
        synchronized (uploadSeconds) {
            return List.copyOf(uploadSeconds);
        }
    }

    /** Lets the upload under way finish; fails if any upload failed. */
    @Override
    public void close() throws Exception {
        running = false;
        thread.join(Duration.ofMinutes(5).toMillis());
        if (failure != null) {
            throw failure;
        }
    }
}
