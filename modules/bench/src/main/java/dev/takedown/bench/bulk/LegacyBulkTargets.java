package dev.takedown.bench.bulk;

import dev.takedown.kernel.Caller;
import dev.takedown.notices.BulkTargets;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.TargetUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * {@code BulkTargets} as it was before it parsed through commons-csv (commit 317b949): the same upload with its own
 * line reader and RFC 4180 tokenizer. Kept here only as the peer that {@link BulkTargetsBenchmark} measures the
 * current path against; the application never uses it. Its results are {@code BulkTargets}' own types.
 */
public final class LegacyBulkTargets {

    static final int BATCH = 1000;
    /** Longest line read; longer ones are malformed and skipped without being buffered. */
    static final int MAX_LINE = 8192;

    private static final int MAX_URL = 4000;
    private static final int MAX_ACCOUNT = 200;
    /** Control characters other than tab are not quoted back (a report is shown and downloaded). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final DataSource dataSource;
    private final long maxRows;
    private final Clock clock;

    public LegacyBulkTargets(DataSource dataSource, long maxRows, Clock clock) {
        this.dataSource = dataSource;
        this.maxRows = maxRows;
        this.clock = clock;
    }

    /**
     * @throws CaseNotFoundException no such case, or not one of the caller's organisation
     * @throws CaseStateException    the case no longer takes targets
     * @throws BulkTargets.TooManyRowsException  the upload has more rows than allowed (nothing stored)
     */
    public BulkTargets.Result upload(String caseId, Caller caller, InputStream body, BulkTargets.Format format) {
        return upload(caseId, caller, body, format, error -> {});
    }

    /** As {@link #upload(String, Caller, InputStream, BulkTargets.Format)}, handing every malformed row to {@code sink}. */
    public BulkTargets.Result upload(
            String caseId, Caller caller, InputStream body, BulkTargets.Format format, BulkTargets.ErrorSink sink) {
        UUID id = parseId(caseId);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                BulkTargets.Result result = upload(connection, id, caseId, caller, body, format, sink);
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

    private BulkTargets.Result upload(
            Connection connection,
            UUID id,
            String caseId,
            Caller caller,
            InputStream body,
            BulkTargets.Format format,
            BulkTargets.ErrorSink sink)
            throws SQLException, IOException {
        CaseStatus status = lockCase(connection, id, caseId, caller);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create temporary table bulk_target_stage (position int not null, url text not null, "
                    + "account_id text) on commit drop");
        }
        long good = 0;
        long malformed = 0;
        List<BulkTargets.RowError> errors = new ArrayList<>();
        Stage stage = new Stage(connection);
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        LineReader lines = new LineReader(new InputStreamReader(body, utf8), MAX_LINE);
        long dataRows = 0;
        boolean first = true;
        for (String line = lines.next(); line != null; line = lines.next()) {
            long row = lines.lineNumber();
            if (first) {
                first = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (isHeader(line, format)) {
                    continue;
                }
            }
            if (line != LineReader.TOO_LONG && line.isBlank()) {
                continue;
            }
            if (++dataRows > maxRows) {
                throw new BulkTargets.TooManyRowsException(maxRows);
            }
            String problem;
            if (line == LineReader.TOO_LONG) {
                problem = "row longer than " + MAX_LINE + " characters";
            } else {
                ParsedRow parsed = parse(line, separator(format));
                problem = parsed.problem();
                if (problem == null) {
                    stage.add((int) dataRows - 1, parsed.url(), parsed.accountId());
                    good++;
                    continue;
                }
            }
            malformed++;
            String value = line == LineReader.TOO_LONG ? lines.prefix() : line;
            value = CONTROL.matcher(
                            value.length() > BulkTargets.RowError.MAX_VALUE
                                    ? value.substring(0, BulkTargets.RowError.MAX_VALUE)
                                    : value)
                    .replaceAll("\uFFFD");
            BulkTargets.RowError error = new BulkTargets.RowError(row, value, problem);
            sink.malformed(error);
            if (errors.size() < BulkTargets.MAX_ERRORS) {
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
        return new BulkTargets.Result(accepted, good - accepted, malformed, Collections.unmodifiableList(errors));
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
                if (!BulkTargets.OPEN_FOR_TARGETS.contains(status)) {
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

    private static char separator(BulkTargets.Format format) {
        return format == BulkTargets.Format.TSV ? '\t' : ',';
    }

    private static UUID parseId(String caseId) {
        try {
            return UUID.fromString(caseId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CaseNotFoundException(caseId);
        }
    }

    private static boolean isHeader(String line, BulkTargets.Format format) {
        List<String> fields = split(line, separator(format));
        return fields != null && !fields.isEmpty() && fields.get(0).strip().equalsIgnoreCase("url");
    }

    record ParsedRow(String url, String accountId, String problem) {

        static ParsedRow bad(String problem) {
            return new ParsedRow(null, null, problem);
        }
    }

    /** One data row: {@code url[,account_id]}. As it was. */
    static ParsedRow parse(String line, char separator) {
        if (line.indexOf('\0') >= 0) {
            return ParsedRow.bad("NUL characters are not accepted");
        }
        List<String> fields = split(line, separator);
        if (fields == null) {
            return ParsedRow.bad("unterminated quoted field");
        }
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

    /**
     * RFC 4180 fields on one line (a quoted field may contain the separator and doubled quotes, not a line break);
     * TSV has no quoting. Null when a quote is left open.
     */
    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>(2);
        if (separator == '\t') {
            int start = 0;
            for (int i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', start)) {
                fields.add(line.substring(start, i));
                start = i + 1;
            }
            fields.add(line.substring(start));
            return fields;
        }
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed) {
                    return null;
                }
                while (i < n && line.charAt(i) != separator) {
                    i++; // text after a closing quote is ignored
                }
            } else {
                int end = line.indexOf(separator, i);
                end = end < 0 ? n : end;
                field.append(line, i, end);
                i = end;
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // separator
        }
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

    /**
     * Lines of at most {@code max} characters (LF, CRLF or CR); a longer line is skipped to its end and answered
     * with {@link #TOO_LONG} so that one huge row cannot fill the heap.
     */
    static final class LineReader {

        static final String TOO_LONG = new String("\u0000too long");

        private final Reader in;
        private final int max;
        private final char[] buffer = new char[16384];
        private final StringBuilder line = new StringBuilder();
        private String prefix = "";
        private int position;
        private int limit;
        private long number;
        private boolean pendingCr;

        LineReader(Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        long lineNumber() {
            return number;
        }

        /** The first {@link RowError#MAX_VALUE} characters of the last {@link #TOO_LONG} line. */
        String prefix() {
            return prefix;
        }

        String next() throws IOException {
            line.setLength(0);
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        number++;
                        return tooLong ? TOO_LONG : line.toString();
                    }
                }
                char c = buffer[position++];
                if (pendingCr) {
                    pendingCr = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (c == '\n' || c == '\r') {
                    pendingCr = c == '\r';
                    number++;
                    return tooLong ? TOO_LONG : line.toString();
                }
                any = true;
                if (!tooLong) {
                    if (line.length() == max) {
                        tooLong = true;
                        prefix = line.substring(0, Math.min(max, BulkTargets.RowError.MAX_VALUE));
                        line.setLength(0);
                    } else {
                        line.append(c);
                    }
                }
            }
        }
    }
}
