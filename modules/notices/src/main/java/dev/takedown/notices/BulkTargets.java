package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.Caller;
import dev.takedown.notices.internal.BulkRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Adds up to {@code takedown.bulk.max-rows} target URLs to an open case from a CSV or TSV upload (issue 9: large
 * senders name tens of thousands of URLs per notice). The upload is read row by row ({@link BulkRows}, commons-csv) and
 * never held in memory: rows are canonicalised, staged 1,000 at a time into a transaction-local temporary table, and
 * one insert-select then
 * stores each URL the case does not have yet (first occurrence wins). Malformed rows are counted and named, good rows
 * are kept. Everything happens in one transaction under a row lock on the notice, so two uploads to the same case
 * cannot both add a URL and an upload over the limit stores nothing.
 */
@Service
public class BulkTargets {

    /** Cases that still take targets. */
    public static final Set<CaseStatus> OPEN_FOR_TARGETS =
            Set.of(CaseStatus.RECEIVED, CaseStatus.INCOMPLETE_CURE, CaseStatus.UNDER_REVIEW);
    /** Rows named in {@link Result#errors()}; the counts cover all of them. */
    public static final int MAX_ERRORS = 1000;

    static final int BATCH = 1000;
    /** Longest row read (line breaks inside a quoted field included); longer ones are malformed, never buffered. */
    static final int MAX_LINE = 8192;

    private static final int MAX_URL = 4000;
    private static final int MAX_ACCOUNT = 200;
    /** Control characters other than tab, line breaks included, are not quoted back (a report is shown and downloaded). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");

    public enum Format {
        CSV(','),
        TSV('\t');

        final char separator;

        Format(char separator) {
            this.separator = separator;
        }
    }

    /** A malformed row: its line in the file, the start of what it held, and what is wrong with it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RowError(long row, String value, String message) {

        /** Longest {@link #value()} quoted back. */
        public static final int MAX_VALUE = 200;
    }

    /** Sees every malformed row as it is read; {@link Result#errors()} keeps only the first {@link #MAX_ERRORS}. */
    @FunctionalInterface
    public interface ErrorSink {

        void malformed(RowError error) throws IOException;
    }

    /** {@code accepted} URLs were added; {@code duplicates} were already on the case or earlier in the upload. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Result(long accepted, long duplicates, long malformed, List<RowError> errors) {}

    /** More rows than the configured limit: nothing was stored. */
    public static class TooManyRowsException extends RuntimeException {

        public TooManyRowsException(long limit) {
            super("at most " + limit + " rows per upload");
        }
    }

    private final DataSource dataSource;
    private final long maxRows;
    private final Clock clock;

    /** Public for the benchmarks, which run it on a plain data source outside Spring. */
    public BulkTargets(DataSource dataSource, @Value("${takedown.bulk.max-rows:100000}") long maxRows, Clock clock) {
        this.dataSource = dataSource;
        this.maxRows = maxRows;
        this.clock = clock;
    }

    /**
     * @throws CaseNotFoundException no such case, or not one of the caller's organisation
     * @throws CaseStateException    the case no longer takes targets
     * @throws TooManyRowsException  the upload has more rows than allowed (nothing stored)
     */
    public Result upload(String caseId, Caller caller, InputStream body, Format format) {
        return upload(caseId, caller, body, format, error -> {});
    }

    /** As {@link #upload(String, Caller, InputStream, Format)}, handing every malformed row to {@code sink}. */
    public Result upload(String caseId, Caller caller, InputStream body, Format format, ErrorSink sink) {
        UUID id = parseId(caseId);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Result result = upload(connection, id, caseId, caller, body, format, sink);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException | IOException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk targets for case " + caseId + " not stored", e);
        } catch (IOException e) {
            throw new UncheckedIOException("upload for case " + caseId + " could not be read", e);
        }
    }

    private Result upload(
            Connection connection,
            UUID id,
            String caseId,
            Caller caller,
            InputStream body,
            Format format,
            ErrorSink sink)
            throws SQLException, IOException {
        CaseStatus status = lockCase(connection, id, caseId, caller);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create temporary table bulk_target_stage (position int not null, url text not null, "
                    + "account_id text) on commit drop");
        }
        long good = 0;
        long malformed = 0;
        List<RowError> errors = new ArrayList<>();
        Stage stage = new Stage(connection);
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BulkRows rows = new BulkRows(new InputStreamReader(body, utf8), format, MAX_LINE);
        long dataRows = 0;
        for (BulkRows.Row row = rows.next(); row != null; row = rows.next()) {
            if (row.line() == 1 && row instanceof BulkRows.Fields fields && isHeader(fields)) {
                continue;
            }
            if (++dataRows > maxRows) {
                throw new TooManyRowsException(maxRows);
            }
            String problem;
            String text;
            if (row instanceof BulkRows.Fields fields) {
                ParsedRow parsed = parse(fields.values(), format.separator);
                problem = parsed.problem();
                if (problem == null) {
                    stage.add((int) dataRows - 1, parsed.url(), parsed.accountId());
                    good++;
                    continue;
                }
                text = rows.text();
            } else {
                BulkRows.Unreadable unreadable = (BulkRows.Unreadable) row;
                problem = unreadable.problem();
                text = unreadable.text();
            }
            malformed++;
            RowError error = new RowError(row.line(), CONTROL.matcher(text).replaceAll("\uFFFD"), problem);
            sink.malformed(error);
            if (errors.size() < MAX_ERRORS) {
                errors.add(error);
            }
        }
        stage.flush();
        long accepted = good == 0 ? 0 : store(connection, id);
        if (accepted > 0) {
            note(
                    connection,
                    id,
                    status,
                    caller.actor(),
                    "%d target URLs added in bulk (%d duplicates, %d malformed)"
                            .formatted(accepted, good - accepted, malformed));
        }
        return new Result(accepted, good - accepted, malformed, Collections.unmodifiableList(errors));
    }

    private static CaseStatus lockCase(Connection connection, UUID id, String caseId, Caller caller)
            throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("select organisation_id, status from notice where id = ? for update")) {
            lock.setObject(1, id);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()
                        || caller.organisationId() == null
                        || !caller.organisationId().equals(rs.getString(1))) {
                    throw new CaseNotFoundException(caseId);
                }
                CaseStatus status = CaseStatus.valueOf(rs.getString(2));
                if (!OPEN_FOR_TARGETS.contains(status)) {
                    throw new CaseStateException("targets can be added while a case is RECEIVED, INCOMPLETE_CURE or "
                            + "UNDER_REVIEW; this one is " + status);
                }
                return status;
            }
        }
    }

    /** First occurrence of each URL that the case does not have yet, numbered after the case's own targets. */
    private static long store(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into notice_target (notice_id, position, type, url, account_id)
                select ?, base.next + s.position, 'URL', s.url, s.account_id
                from (select distinct on (url) position, url, account_id from bulk_target_stage
                      order by url, position) s
                cross join (select coalesce(max(position), -1) + 1 as next from notice_target where notice_id = ?) base
                where not exists (select 1 from notice_target t where t.notice_id = ? and t.url = s.url)
                order by s.position""")) {
            insert.setObject(1, id);
            insert.setObject(2, id);
            insert.setObject(3, id);
            return insert.executeLargeUpdate();
        }
    }

    private void note(Connection connection, UUID id, CaseStatus status, String actor, String text)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into notice_history (notice_id, status, actor, note, at) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, status.name());
            insert.setString(3, actor);
            insert.setString(4, text);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }

    private static UUID parseId(String caseId) {
        try {
            return UUID.fromString(caseId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CaseNotFoundException(caseId);
        }
    }

    private static boolean isHeader(BulkRows.Fields row) {
        return row.values().get(0).strip().equalsIgnoreCase("url");
    }

    record ParsedRow(String url, String accountId, String problem) {

        static ParsedRow bad(String problem) {
            return new ParsedRow(null, null, problem);
        }
    }

    /** One data row: {@code url[,account_id]}. Package-private for tests. */
    static ParsedRow parse(List<String> fields, char separator) {
        if (fields.size() > 2) {
            return ParsedRow.bad("expected url[" + separator + "account_id], found " + fields.size() + " fields");
        }
        String url = fields.get(0).strip();
        if (url.isEmpty()) {
            return ParsedRow.bad("no URL");
        }
        if (!TargetUrl.isValid(url)) {
            return ParsedRow.bad("not an http(s) URL with a host");
        }
        String canonical;
        try {
            canonical = TargetUrl.canonical(url);
        } catch (IllegalArgumentException e) {
            return ParsedRow.bad("not an http(s) URL with a host");
        }
        if (canonical.length() > MAX_URL) {
            return ParsedRow.bad("URL longer than " + MAX_URL + " characters");
        }
        String account = fields.size() == 2 ? fields.get(1).strip() : null;
        if (account != null && account.isEmpty()) {
            account = null;
        }
        if (account != null && account.length() > MAX_ACCOUNT) {
            return ParsedRow.bad("account_id longer than " + MAX_ACCOUNT + " characters");
        }
        return new ParsedRow(canonical, account, null);
    }

    /** Rows go to the stage table 1,000 at a time as three arrays: one round trip per batch. */
    private static final class Stage {

        private final Connection connection;
        private final PreparedStatement insert;
        private final Integer[] positions = new Integer[BATCH];
        private final String[] urls = new String[BATCH];
        private final String[] accounts = new String[BATCH];
        private int size;

        Stage(Connection connection) throws SQLException {
            this.connection = connection;
            this.insert = connection.prepareStatement("insert into bulk_target_stage (position, url, account_id) "
                    + "select * from unnest(?::int[], ?::text[], ?::text[])");
        }

        void add(int position, String url, String account) throws SQLException {
            positions[size] = position;
            urls[size] = url;
            accounts[size] = account;
            if (++size == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (size > 0) {
                Array p = connection.createArrayOf("int4", Arrays.copyOf(positions, size));
                Array u = connection.createArrayOf("text", Arrays.copyOf(urls, size));
                Array a = connection.createArrayOf("text", Arrays.copyOf(accounts, size));
                insert.setArray(1, p);
                insert.setArray(2, u);
                insert.setArray(3, a);
                insert.executeUpdate();
                p.free();
                u.free();
                a.free();
                Arrays.fill(urls, null);
                Arrays.fill(accounts, null);
                size = 0;
            }
        }
    }
}
