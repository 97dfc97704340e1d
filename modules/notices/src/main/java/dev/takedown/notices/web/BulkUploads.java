package dev.takedown.notices.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.kernel.Caller;
import dev.takedown.notices.BulkTargets;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk target uploads from the rights-holder pages, processed in the background so the page can show how far the
 * processing got. The upload is staged in PostgreSQL ({@code bulk_upload}: the file, the state and the bytes read so
 * far, then the result and the CSV report of malformed rows), so any node answers for its progress and report, and a
 * restart loses nothing. The node that took the file runs it: {@link BulkTargets} streams it from the database, a
 * megabyte at a time, while a counting stream reports the bytes read, and a heartbeat writes the count every second;
 * the report goes to a temporary file first and into the row when the upload is done. An upload whose node stopped reporting for
 * {@code takedown.bulk.stale-after} is run again from the start by any node (BulkTargets stores all rows or none in one
 * transaction, so a second run adds nothing twice), at most {@code max-attempts} times, then it fails with the reason
 * {@code bulk.failed.interrupted}. Finished uploads are deleted after {@code takedown.bulk.kept}.
 */
@Component
class BulkUploads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkUploads.class);
    private static final String COLUMNS = "id, case_id, organisation_id, file_name, size, state, bytes_read, "
            + "attempts, result, failure, finished_at is not null as finished";

    enum State {
        QUEUED,
        READING,
        STORING,
        DONE,
        FAILED
    }

    /** One upload as the pages show it, read from the database. */
    static final class Upload {

        private final String id;
        private final String caseId;
        private final String organisationId;
        private final String fileName;
        private final long size;
        private final State state;
        private final long read;
        private final BulkTargets.Result result;
        private final String failure;

        Upload(
                String id,
                String caseId,
                String organisationId,
                String fileName,
                long size,
                State state,
                long read,
                BulkTargets.Result result,
                String failure) {
            this.id = id;
            this.caseId = caseId;
            this.organisationId = organisationId;
            this.fileName = fileName;
            this.size = size;
            this.state = state;
            this.read = read;
            this.result = result;
            this.failure = failure;
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
            return size <= 0 ? 0 : (int) Math.min(100, read * 100 / size);
        }

        public BulkTargets.Result getResult() {
            return result;
        }

        public String getFailure() {
            return failure;
        }
    }

    private final BulkTargets bulk;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration staleAfter;
    private final int maxAttempts;
    private final Duration kept;
    private final String node;
    /** Uploads this node runs now, and their bytes read so far: what the heartbeat writes. */
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    /** Two workers on a small machine; eight more wait, then uploads are refused until one finishes. */
    private final ThreadPoolExecutor workers;
    /** Its own thread: a long task on the shared scheduler must not make this node look dead. */
    private final ScheduledExecutorService heartbeats;

    private record Running(AtomicLong read, AtomicInteger state) {}

    BulkUploads(
            BulkTargets bulk,
            JdbcTemplate jdbc,
            ObjectMapper json,
            @Value("${takedown.bulk.stale-after:PT2M}") Duration staleAfter,
            @Value("${takedown.bulk.max-attempts:3}") int maxAttempts,
            @Value("${takedown.bulk.kept:PT1H}") Duration kept,
            @Value("${takedown.bulk.heartbeat:PT1S}") Duration heartbeat) {
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.json = json;
        this.staleAfter = staleAfter;
        this.maxAttempts = maxAttempts;
        this.kept = kept;
        this.node = nodeName();
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8), task -> {
            Thread thread = new Thread(task, "bulk-upload-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bulk-upload-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = heartbeat.toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Stages an upload and queues it on this node.
     *
     * @throws RejectedExecutionException too many uploads are waiting here (nothing is kept)
     */
    Upload start(String caseId, Caller caller, MultipartFile file) throws IOException {
        if (workers.getQueue().remainingCapacity() == 0) {
            throw new RejectedExecutionException("bulk upload queue full");
        }
        UUID id = UUID.randomUUID();
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        BulkTargets.Format format =
                isTsv(name, file.getContentType()) ? BulkTargets.Format.TSV : BulkTargets.Format.CSV;
        try (InputStream content = file.getInputStream()) {
            jdbc.update(connection -> {
                var insert = connection.prepareStatement("insert into bulk_upload (id, case_id, "
                        + "organisation_id, uploaded_by, file_name, format, size, content, state) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED')");
                insert.setObject(1, id);
                insert.setString(2, caseId);
                insert.setString(3, caller.organisationId());
                insert.setString(4, caller.actor());
                insert.setString(5, name.length() > 200 ? name.substring(0, 200) : name);
                insert.setString(6, format.name());
                insert.setLong(7, file.getSize());
                insert.setBinaryStream(8, content, file.getSize());
                return insert;
            });
        }
        try {
            workers.execute(() -> run(id));
        } catch (RejectedExecutionException busy) {
            jdbc.update("delete from bulk_upload where id = ?", id);
            throw busy;
        }
        return find(id).orElseThrow();
    }

    /** The upload, if it exists and belongs to the caller's organisation and case. */
    Optional<Upload> find(String caseId, String uploadId, Caller caller) {
        UUID id = parse(uploadId);
        return id == null
                ? Optional.empty()
                : find(id).filter(upload ->
                        upload.caseId.equals(caseId) && upload.organisationId.equals(caller.organisationId()));
    }

    /** Writes the report of a finished upload, a slice at a time; false when there is none. */
    boolean copyErrors(Upload upload, OutputStream out) throws IOException {
        if (upload.getState() != State.DONE) {
            return false;
        }
        new Stored(jdbc, "errors_csv", UUID.fromString(upload.id), errorsSize(upload)).transferTo(out);
        return true;
    }

    /** Bytes in the report of a finished upload. */
    long errorsSize(Upload upload) {
        Long size = jdbc.queryForObject(
                "select coalesce(octet_length(errors_csv), 0) from bulk_upload where id = ?",
                Long.class,
                UUID.fromString(upload.id));
        return size == null ? 0 : size;
    }

    private Optional<Upload> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from bulk_upload where id = ?", this::upload, id).stream()
                .findFirst();
    }

    /**
     * Takes over what no node is running: queued uploads nobody took, and running ones whose node stopped reporting.
     * Also forgets finished uploads past their time. Every node does this; the claim is one conditional update, so
     * one node wins.
     */
    @Scheduled(fixedDelayString = "${takedown.bulk.sweep-interval:PT30S}")
    void sweep() {
        String stale = "(heartbeat_at is null and created_at < now() - ?::interval"
                + " or heartbeat_at < now() - ?::interval)";
        String interval = staleAfter.toMillis() + " milliseconds";
        int failed = jdbc.update(
                "update bulk_upload set state = 'FAILED', failure = 'bulk.failed.interrupted', content = null, "
                        + "finished_at = now(), node = null where finished_at is null and attempts >= ? and " + stale,
                maxAttempts,
                interval,
                interval);
        if (failed > 0) {
            log.warn("{} bulk uploads failed after {} interrupted attempts", failed, maxAttempts);
        }
        List<UUID> orphans = jdbc.queryForList(
                "select id from bulk_upload where finished_at is null and " + stale + " order by created_at",
                UUID.class,
                interval,
                interval);
        for (UUID orphan : orphans) {
            if (workers.getQueue().remainingCapacity() == 0) {
                break;
            }
            // back to the queue only if it is still as stale as it was read; whoever does that first runs it
            int claimed = jdbc.update(
                    "update bulk_upload set state = 'QUEUED', node = ?, heartbeat_at = now() "
                            + "where id = ? and finished_at is null and " + stale,
                    node,
                    orphan,
                    interval,
                    interval);
            if (claimed == 1) {
                log.info("bulk upload {} taken over by {}", orphan, node);
                workers.execute(() -> run(orphan));
            }
        }
        jdbc.update(
                "delete from bulk_upload where finished_at < now() - ?::interval", kept.toMillis() + " milliseconds");
    }

    /** Writes the bytes read and a sign of life for every upload this node runs. */
    private void heartbeat() {
        try {
            running.forEach((id, upload) -> jdbc.update(
                    "update bulk_upload set bytes_read = ?, state = ?, heartbeat_at = now() "
                            + "where id = ? and node = ? and finished_at is null",
                    upload.read().get(),
                    State.values()[upload.state().get()].name(),
                    id,
                    node));
        } catch (RuntimeException e) {
            // the next beat tries again; a database outage long enough lets another node take the upload over
            log.warn("bulk upload heartbeat not written: {}", e.toString());
        }
    }

    private void run(UUID id) {
        int claimed = jdbc.update(
                "update bulk_upload set state = 'READING', node = ?, heartbeat_at = now(), bytes_read = 0, "
                        + "attempts = attempts + 1 where id = ? and state = 'QUEUED' and content is not null",
                node,
                id);
        if (claimed == 0) {
            return;
        }
        Running progress = new Running(new AtomicLong(), new AtomicInteger(State.READING.ordinal()));
        running.put(id, progress);
        Path errors = null;
        try {
            errors = Files.createTempFile("takedown-bulk-", "-errors.csv");
            Staged staged = jdbc.queryForObject(
                    "select case_id, organisation_id, uploaded_by, format, octet_length(content) from bulk_upload "
                            + "where id = ?",
                    (rs, row) -> new Staged(
                            rs.getString(1),
                            new Caller(rs.getString(3), rs.getString(2), "RIGHTS_HOLDER"),
                            BulkTargets.Format.valueOf(rs.getString(4)),
                            rs.getLong(5)),
                    id);
            BulkTargets.Result result;
            try (InputStream in = new Counting(new Stored(jdbc, "content", id, staged.size()), progress);
                    BufferedWriter report = Files.newBufferedWriter(errors, StandardCharsets.UTF_8)) {
                report.write('\uFEFF'); // spreadsheet programs then read the UTF-8 correctly
                writeRow(report, "row", "value", "reason");
                result = bulk.upload(
                        staged.caseId(),
                        staged.caller(),
                        in,
                        staged.format(),
                        error -> writeRow(report, Long.toString(error.row()), error.value(), error.message()));
            }
            done(id, result, errors);
        } catch (CaseNotFoundException e) {
            fail(id, "bulk.failed.notFound");
        } catch (CaseStateException e) {
            fail(id, "bulk.failed.state");
        } catch (BulkTargets.TooManyRowsException e) {
            fail(id, "bulk.failed.tooMany");
        } catch (IOException | RuntimeException e) {
            log.warn("bulk upload {} failed", id, e);
            fail(id, "bulk.failed.other");
        } finally {
            running.remove(id);
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException e) {
                    log.warn("temporary report {} not deleted", errors, e);
                }
            }
        }
    }

    private record Staged(String caseId, Caller caller, BulkTargets.Format format, long size) {}

    private void done(UUID id, BulkTargets.Result result, Path report) throws IOException {
        String counts = json.writeValueAsString(result);
        long size = Files.size(report);
        try (InputStream in = Files.newInputStream(report)) {
            jdbc.update(connection -> {
                var update = connection.prepareStatement(
                        "update bulk_upload set state = 'DONE', result = ?::jsonb, errors_csv = ?, content = null, "
                                + "bytes_read = size, finished_at = now(), heartbeat_at = now() "
                                + "where id = ? and node = ?");
                update.setString(1, counts);
                update.setBinaryStream(2, in, size);
                update.setObject(3, id);
                update.setString(4, node);
                return update;
            });
        }
    }

    private void fail(UUID id, String key) {
        jdbc.update(
                "update bulk_upload set state = 'FAILED', failure = ?, content = null, finished_at = now() "
                        + "where id = ? and node = ?",
                key,
                id,
                node);
    }

    private Upload upload(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        try {
            return new Upload(
                    rs.getString("id"),
                    rs.getString("case_id"),
                    rs.getString("organisation_id"),
                    rs.getString("file_name"),
                    rs.getLong("size"),
                    State.valueOf(rs.getString("state")),
                    rs.getLong("bytes_read"),
                    result == null ? null : json.readValue(result, BulkTargets.Result.class),
                    rs.getString("failure"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulk upload result unreadable", e);
        }
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

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        return host + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void destroy() {
        // what runs now stays READING in the database; another node (or this one after a restart) takes it over
        heartbeats.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * A bytea column of one upload, read a slice at a time ({@code substring}; the column is stored uncompressed out
     * of line, so each slice costs only its own pages): at most {@link #SLICE} bytes of it in memory.
     */
    private static final class Stored extends InputStream {

        static final int SLICE = 1 << 20;

        private final JdbcTemplate jdbc;
        private final String column;
        private final UUID id;
        private final long size;
        private long offset;
        private byte[] slice = new byte[0];
        private int position;

        /** @param column a constant of this class's callers, never input */
        Stored(JdbcTemplate jdbc, String column, UUID id, long size) {
            this.jdbc = jdbc;
            this.column = column;
            this.id = id;
            this.size = size;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return slice[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, slice.length - position);
            System.arraycopy(slice, position, buffer, off, n);
            position += n;
            return n;
        }

        private boolean fill() {
            if (position < slice.length) {
                return true;
            }
            if (offset >= size) {
                return false;
            }
            int length = (int) Math.min(SLICE, size - offset);
            byte[] next = jdbc.queryForObject(
                    "select substring(" + column + " from ?::int for ?::int) from bulk_upload where id = ?",
                    byte[].class,
                    offset + 1,
                    length,
                    id);
            if (next == null || next.length == 0) {
                throw new IllegalStateException("bulk upload " + id + " lost its " + column);
            }
            offset += next.length;
            slice = next;
            position = 0;
            return true;
        }
    }

    /** Counts the bytes read into the upload; the end of the file means the rows are being stored. */
    private static final class Counting extends FilterInputStream {

        private final Running progress;

        Counting(InputStream in, Running progress) {
            super(in);
            this.progress = progress;
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
                progress.state().set(State.STORING.ordinal());
            } else {
                progress.read().addAndGet(n);
            }
        }
    }
}
