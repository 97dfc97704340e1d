package dev.takedown.notices.internal;

import dev.takedown.notices.BulkTargets;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a bulk upload as commons-csv reads them: CSV as RFC 4180 (a quoted field may hold the separator, doubled
 * quotes and line breaks), TSV without quoting. Nothing is held but the current row, and a row is cut off before it is
 * longer than the limit: {@link Input} hands the parser one line at a time and fails the read at the first character
 * past the limit, so neither the parser nor this class ever buffers more. A row that cannot be read is reported with
 * the line it starts on and reading goes on at the next line.
 */
public final class BulkRows {

    /** A row that is not blank, by the line it starts on. */
    public sealed interface Row permits Fields, Unreadable {

        long line();
    }

    /** A row read into its fields. */
    public record Fields(long line, List<String> values) implements Row {}

    /** A row that has no fields to offer, the start of what it holds ({@link #text()}) and why. */
    public record Unreadable(long line, String text, String problem) implements Row {}

    private final Input input;
    private final CSVFormat format;
    private final int maxChars;
    private Iterator<CSVRecord> records;

    /** @param maxChars longest row, line breaks inside it included; a longer one is {@link Unreadable} */
    public BulkRows(Reader in, BulkTargets.Format format, int maxChars) {
        this.input = new Input(in, maxChars);
        this.format = format(format);
        this.maxChars = maxChars;
        this.records = parse();
    }

    private static CSVFormat format(BulkTargets.Format format) {
        CSVFormat.Builder builder = format == BulkTargets.Format.TSV
                ? CSVFormat.TDF.builder().setQuote((Character) null)
                : CSVFormat.RFC4180.builder();
        // blank lines come through as rows so that line numbers stay exact; they are skipped here
        return builder.setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
    }

    /** The next row that is not blank, or null at the end of the upload. */
    public Row next() throws IOException {
        while (true) {
            input.startRow();
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                return unreadable(e.getCause());
            }
            if (input.blank) {
                continue;
            }
            Unreadable problem = problem();
            if (problem != null) {
                return problem;
            }
            // the parser makes a new array for every record: a view of it is enough
            return new Fields(input.firstLine, Collections.unmodifiableList(Arrays.asList(record.values())));
        }
    }

    /**
     * The first {@link BulkTargets.RowError#MAX_VALUE} characters of the row {@link #next()} returned last, as
     * uploaded (line breaks as LF): what a report quotes back. Made only when asked, since most rows are fine.
     */
    public String text() {
        return input.text();
    }

    /** What makes a row unreadable although it parsed, or null. */
    private Unreadable problem() {
        if (input.nul) {
            return new Unreadable(input.firstLine, input.text(), "NUL characters are not accepted");
        }
        if (input.lastLine() > input.firstLine) {
            // neither a URL nor an account id has one: a quote was most likely left open
            return new Unreadable(input.firstLine, input.text(), "line break inside a quoted field" + lines());
        }
        return null;
    }

    /** The parser gave up on the row: say why, skip the rest of its line and start a parser on the next one. */
    private Unreadable unreadable(IOException failure) throws IOException {
        if (!(failure instanceof RowTooLongException) && !(failure instanceof CSVException)) {
            throw failure; // the upload itself could not be read
        }
        String problem;
        if (failure instanceof RowTooLongException) {
            problem = "row longer than " + maxChars + " characters" + lines();
        } else if (input.nul) {
            problem = "NUL characters are not accepted";
        } else if (input.end) {
            problem = "unterminated quoted field" + lines();
        } else {
            problem = "text after a closing quote" + lines();
        }
        Unreadable row = new Unreadable(input.firstLine, input.text(), problem);
        input.skipLine();
        records = parse();
        return row;
    }

    /** The lines a row spans, when more than one. */
    private String lines() {
        long last = input.lastLine();
        return last > input.firstLine ? " (lines " + input.firstLine + " to " + last + ")" : "";
    }

    private Iterator<CSVRecord> parse() {
        try {
            // a parser that failed is dropped, not closed: closing it would close the upload
            return format.parse(input).iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current row reached the limit; what it held so far is in {@link Input#text()}. */
    private static final class RowTooLongException extends IOException {

        RowTooLongException() {
            super("row too long");
        }
    }

    /**
     * The upload as the parser reads it. Each read returns at most the rest of one line, its line break (CR, LF or
     * CRLF) as one LF, so the parser, whose lexer never looks past an LF, has taken exactly the lines of the rows it
     * returned: line numbers and each row's size are counted here without a second pass. A leading byte order mark is
     * dropped.
     */
    private static final class Input extends Reader {

        private final Reader in;
        private final int max;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private boolean started;
        private boolean end;
        /** A CR was handed over as the line break; an LF right after it belongs to it. */
        private boolean afterCr;
        /** Characters of the current line were handed over after its last line break. */
        private boolean midLine;
        /** Line breaks handed over or skipped so far. */
        private long breaks;

        private long firstLine;
        private int length;
        /** A line break was handed over inside the row; it counts once the row goes on. */
        private boolean breakPending;

        private boolean blank;
        private boolean nul;
        private boolean overflowed;
        private final StringBuilder text = new StringBuilder(BulkTargets.RowError.MAX_VALUE);

        Input(Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        void startRow() {
            firstLine = breaks + 1;
            length = 0;
            breakPending = false;
            blank = true;
            nul = false;
            overflowed = false;
            text.setLength(0);
        }

        long lastLine() {
            return midLine || overflowed ? breaks + 1 : breaks;
        }

        String text() {
            return text.toString();
        }

        @Override
        public int read(char[] out, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            if (breakPending) {
                // the parser wants more after a line break: the row goes on, and the break is part of it
                breakPending = false;
                take(position, 1, '\n');
            }
            int end = position;
            int stop = Math.min(limit, position + length);
            for (char c; end < stop && (c = buffer[end]) != '\n' && c != '\r'; end++) {
                if (c == '\0') {
                    nul = true;
                } else if (blank && !Character.isWhitespace(c)) {
                    blank = false;
                }
            }
            int n = end - position;
            if (n > 0) {
                take(position, n, '\0');
                System.arraycopy(buffer, position, out, offset, n);
                position = end;
                midLine = true;
            }
            if (end < stop) {
                afterCr = buffer[position++] == '\r';
                midLine = false;
                breaks++;
                breakPending = true;
                out[offset + n++] = '\n';
            }
            return n;
        }

        /**
         * Counts {@code n} characters of the row from {@code buffer[from]} (or the one character {@code c}, when it is
         * not NUL), refusing the first one past the limit: it stays unread, and the line it is on is skipped to its
         * end.
         */
        private void take(int from, int n, char c) throws RowTooLongException {
            int room = max - length;
            if (n > room) {
                keep(from, room, c);
                position = from + room;
                overflowed = true;
                throw new RowTooLongException();
            }
            keep(from, n, c);
            length += n;
        }

        private void keep(int from, int n, char c) {
            if (c != '\0') {
                if (n > 0 && text.length() < BulkTargets.RowError.MAX_VALUE) {
                    text.append(c);
                }
            } else {
                text.append(buffer, from, Math.min(n, BulkTargets.RowError.MAX_VALUE - text.length()));
            }
        }

        /** Skips what is left of the line the row stopped on, if it stopped inside one. */
        void skipLine() throws IOException {
            if (!midLine && !overflowed) {
                return;
            }
            while (fill()) {
                char c = buffer[position++];
                if (c == '\n' || c == '\r') {
                    afterCr = c == '\r';
                    breaks++;
                    break;
                }
            }
            midLine = false;
            overflowed = false;
        }

        /** False at the end of the upload; otherwise the next character is at {@code buffer[position]}. */
        private boolean fill() throws IOException {
            while (true) {
                if (position == limit) {
                    if (end) {
                        return false;
                    }
                    int n = in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        end = true;
                        return false;
                    }
                    position = 0;
                    limit = n;
                } else if (!started) {
                    started = true;
                    if (buffer[position] == '\uFEFF') {
                        position++;
                    }
                } else if (afterCr) {
                    afterCr = false;
                    if (buffer[position] == '\n') {
                        position++;
                    }
                } else {
                    return true;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
