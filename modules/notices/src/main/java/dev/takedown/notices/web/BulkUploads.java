package dev.takedown.notices.web;

import dev.takedown.kernel.Caller;
import dev.takedown.notices.BulkTargets;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk target uploads from the rights-holder pages, processed in the background so the page can show how far the
 * processing got: the upload is copied to a temporary file (the request's own copy goes with the request), then
 * {@link BulkTargets} streams it while a counting stream reports the bytes read. Every malformed row goes to a CSV
 * error report on disk, not to the heap. Uploads live on the node that took them, for an hour after they finish.
 */
@Component
class BulkUploads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkUploads.class);
    private static final Duration KEPT = Duration.ofHours(1);

    enum State {
        QUEUED,
        READING,
        STORING,
        DONE,
        FAILED
    }

    /** One upload. The counters are written by the worker and read by the pages. */
    static final class Upload {

        final String id = UUID.randomUUID().toString();
        final String caseId;
        final String organisationId;
        final String fileName;
        final long size;
        final Path errors;
        final AtomicLong read = new AtomicLong();
        final CountDownLatch finished = new CountDownLatch(1);
        volatile State state = State.QUEUED;
        volatile BulkTargets.Result result;
        /** Message key of why nothing was stored. */
        volatile String failure;

        volatile Instant finishedAt;

        Upload(String caseId, String organisationId, String fileName, long size, Path errors) {
            this.caseId = caseId;
            this.organisationId = organisationId;
            this.fileName = fileName;
            this.size = size;
            this.errors = errors;
        }

        public String getId() {
            return id;
        }

        public String getCaseId() {
            return caseId;
        }

        public String getFileName() {
            return fileName;
        }

        public State getState() {
            return state;
        }

        public boolean isFinished() {
            return state == State.DONE || state == State.FAILED;
        }

        /** Share of the file processed, 0–100. */
        public int getPercent() {
            if (state == State.DONE || state == State.STORING) {
                return 100;
            }
            return size <= 0 ? 0 : (int) Math.min(100, read.get() * 100 / size);
        }

        public BulkTargets.Result getResult() {
            return result;
        }

        public String getFailure() {
            return failure;
        }
    }

    private final BulkTargets bulk;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    /** Two workers on a small machine; eight more wait, then uploads are refused until one finishes. */
    private final ThreadPoolExecutor workers;

    BulkUploads(BulkTargets bulk) {
        this.bulk = bulk;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8), task -> {
            Thread thread = new Thread(task, "bulk-upload-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Queues an upload; its file is copied first.
     *
     * @throws java.util.concurrent.RejectedExecutionException too many uploads are waiting
     */
    Upload start(String caseId, Caller caller, MultipartFile file) throws IOException {
        forgetOld();
        Path input = Files.createTempFile("takedown-bulk-", ".upload");
        Path errors = Files.createTempFile("takedown-bulk-", "-errors.csv");
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        Upload upload = new Upload(
                caseId,
                caller.organisationId(),
                name.length() > 200 ? name.substring(0, 200) : name,
                file.getSize(),
                errors);
        try {
            file.transferTo(input);
            BulkTargets.Format format =
                    isTsv(name, file.getContentType()) ? BulkTargets.Format.TSV : BulkTargets.Format.CSV;
            uploads.put(upload.id, upload);
            workers.execute(() -> run(upload, caller, input, format));
        } catch (IOException | RuntimeException e) {
            uploads.remove(upload.id);
            Files.deleteIfExists(input);
            Files.deleteIfExists(errors);
            throw e;
        }
        return upload;
    }

    /** The upload, if it exists and belongs to the caller's organisation and case. */
    Optional<Upload> find(String caseId, String uploadId, Caller caller) {
        Upload upload = uploadId == null ? null : uploads.get(uploadId);
        return upload != null
                        && upload.caseId.equals(caseId)
                        && upload.organisationId != null
                        && upload.organisationId.equals(caller.organisationId())
                ? Optional.of(upload)
                : Optional.empty();
    }

    private void run(Upload upload, Caller caller, Path input, BulkTargets.Format format) {
        upload.state = State.READING;
        try (InputStream in = new Counting(Files.newInputStream(input), upload);
                BufferedWriter report = Files.newBufferedWriter(upload.errors, StandardCharsets.UTF_8)) {
            report.write('\uFEFF'); // spreadsheet programs then read the UTF-8 correctly
            writeRow(report, "row", "value", "reason");
            upload.result = bulk.upload(
                    upload.caseId,
                    caller,
                    in,
                    format,
                    error -> writeRow(report, Long.toString(error.row()), error.value(), error.message()));
            upload.state = State.DONE;
        } catch (CaseNotFoundException e) {
            fail(upload, "bulk.failed.notFound");
        } catch (CaseStateException e) {
            fail(upload, "bulk.failed.state");
        } catch (BulkTargets.TooManyRowsException e) {
            fail(upload, "bulk.failed.tooMany");
        } catch (IOException | RuntimeException e) {
            log.warn("bulk upload {} to case {} failed", upload.id, upload.caseId, e);
            fail(upload, "bulk.failed.other");
        } finally {
            upload.finishedAt = Instant.now();
            upload.finished.countDown();
            try {
                Files.deleteIfExists(input);
            } catch (IOException e) {
                log.warn("temporary upload {} not deleted", input, e);
            }
        }
    }

    private static void fail(Upload upload, String key) {
        upload.failure = key;
        upload.state = State.FAILED;
    }

    /** One CSV line; cells a spreadsheet would run as a formula are quoted with a leading apostrophe. */
    static void writeRow(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvCell(cells[i]));
        }
        out.write("\r\n");
    }

    static String csvCell(String value) {
        String cell = value == null ? "" : value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            cell = '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    private static boolean isTsv(String name, String contentType) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tsv")
                || lower.endsWith(".tab")
                || contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/tab-separated-values");
    }

    private void forgetOld() {
        Instant cutoff = Instant.now().minus(KEPT);
        uploads.values().removeIf(upload -> {
            if (upload.finishedAt == null || upload.finishedAt.isAfter(cutoff)) {
                return false;
            }
            try {
                Files.deleteIfExists(upload.errors);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        });
    }

    @Override
    public void destroy() throws IOException {
        workers.shutdownNow();
        for (Upload upload : uploads.values()) {
            Files.deleteIfExists(upload.errors);
        }
    }

    /** Counts the bytes read into the upload; the end of the file means the rows are being stored. */
    private static final class Counting extends FilterInputStream {

        private final Upload upload;

        Counting(InputStream in, Upload upload) {
            super(in);
            this.upload = upload;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) {
            if (n < 0) {
                upload.state = State.STORING;
            } else {
                upload.read.addAndGet(n);
            }
        }
    }
}
