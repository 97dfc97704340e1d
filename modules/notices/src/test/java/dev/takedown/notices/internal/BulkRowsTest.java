package dev.takedown.notices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.notices.BulkTargets;
import dev.takedown.notices.BulkTargets.Format;
import dev.takedown.notices.internal.BulkRows.Fields;
import dev.takedown.notices.internal.BulkRows.Row;
import dev.takedown.notices.internal.BulkRows.Unreadable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an upload splits into rows: what each row holds, the line it starts on, and what makes it unreadable. */
class BulkRowsTest {

    /** As {@link BulkTargets} reads uploads. */
    private static final int MAX_LINE = 8192;

    @Test
    void quotedFieldsHoldTheSeparatorAndDoubledQuotes() throws IOException {
        assertThat(rows("\"https://a.example/x?a=1,2\",\"acc \"\"7\"\"\"\n", Format.CSV))
                .containsExactly(new Fields(1, List.of("https://a.example/x?a=1,2", "acc \"7\"")));
    }

    @Test
    void theTextOfARowIsItsStartAsUploaded() throws IOException {
        String longRow = "\"https://a.example/" + "l".repeat(300) + "\",acc";
        BulkRows rows = new BulkRows(
                new StringReader("\"https://a.example/x?a=1,2\" , acc\r\n" + longRow + "\n"), Format.CSV, 8192);

        assertThat(rows.next()).isInstanceOf(Fields.class);
        assertThat(rows.text()).isEqualTo("\"https://a.example/x?a=1,2\" , acc");
        assertThat(rows.next()).isInstanceOf(Fields.class);
        assertThat(rows.text()).isEqualTo(longRow.substring(0, BulkTargets.RowError.MAX_VALUE));
        assertThat(rows.next()).isNull();
    }

    @Test
    void spacesAroundFieldsAndQuotesAreLeftOut() throws IOException {
        assertThat(rows("  \"https://a.example/x\" ,  acc 1  \n", Format.CSV))
                .extracting(row -> ((Fields) row).values())
                .containsExactly(List.of("https://a.example/x", "acc 1"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() throws IOException {
        assertThat(rows("https://a.example/say\"hi\",acc\n", Format.CSV))
                .extracting(row -> ((Fields) row).values())
                .containsExactly(List.of("https://a.example/say\"hi\"", "acc"));
    }

    @Test
    void crlfCrAndLfEachEndOneLineAndTheLastLineNeedsNoBreak() throws IOException {
        assertThat(rows("a\r\nb\rc\nd", Format.CSV))
                .containsExactly(
                        new Fields(1, List.of("a")),
                        new Fields(2, List.of("b")),
                        new Fields(3, List.of("c")),
                        new Fields(4, List.of("d")));
    }

    @Test
    void aByteOrderMarkBeforeTheFirstRowIsDropped() throws IOException {
        assertThat(rows("\uFEFFurl,account_id\r\nhttps://a.example/1\r\n", Format.CSV))
                .containsExactly(
                        new Fields(1, List.of("url", "account_id")), new Fields(2, List.of("https://a.example/1")));
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        assertThat(rows("a\n\n   \n\t\r\n\"\"\nb\n\n", Format.CSV))
                .containsExactly(new Fields(1, List.of("a")), new Fields(5, List.of("")), new Fields(6, List.of("b")));
    }

    @Test
    void aLineBreakInsideAQuotedFieldMakesOneRowOverTheLinesItSpans() throws IOException {
        assertThat(rows("\"https://a.example/\r\nx\",acc\nhttps://a.example/next\n", Format.CSV))
                .containsExactly(
                        new Unreadable(
                                1, "\"https://a.example/\nx\",acc", "line break inside a quoted field (lines 1 to 2)"),
                        new Fields(3, List.of("https://a.example/next")));
    }

    @Test
    void aQuoteLeftOpenRunsToTheEndOfTheUpload() throws IOException {
        assertThat(rows("https://a.example/ok\n\"https://a.example/open\n", Format.CSV))
                .containsExactly(
                        new Fields(1, List.of("https://a.example/ok")),
                        new Unreadable(2, "\"https://a.example/open", "unterminated quoted field"));
        assertThat(rows("\"https://a.example/open,acc\nhttps://a.example/2\nhttps://a.example/3", Format.CSV))
                .containsExactly(new Unreadable(
                        1,
                        "\"https://a.example/open,acc\nhttps://a.example/2\nhttps://a.example/3",
                        "unterminated quoted field (lines 1 to 3)"));
    }

    @Test
    void textAfterAClosingQuoteMakesTheRowUnreadableAndReadingGoesOnAtTheNextLine() throws IOException {
        assertThat(rows("\"https://a.example/x\"junk,acc\nhttps://a.example/y\n", Format.CSV))
                .containsExactly(
                        new Unreadable(1, "\"https://a.example/x\"junk,acc", "text after a closing quote"),
                        new Fields(2, List.of("https://a.example/y")));
    }

    @Test
    void aRowLongerThanTheLimitIsCutThereAndTheNextLineIsReadAgain() throws IOException {
        String limit = "x".repeat(20);
        assertThat(rows("short\n" + limit + "\n" + limit + "y,acc\nafter\n", Format.CSV, 20))
                .containsExactly(
                        new Fields(1, List.of("short")),
                        new Fields(2, List.of(limit)),
                        new Unreadable(3, limit, "row longer than 20 characters"),
                        new Fields(4, List.of("after")));
    }

    @Test
    void aQuotedRowOverTheLimitNamesTheLinesItTook() throws IOException {
        // 4 + line break + 7 + line break = 13 characters, then the 8th character of line 3 is one too many
        assertThat(rows("\"abc\ndefghij\nklmnopqrstu\nnext\n", Format.CSV, 20))
                .containsExactly(
                        new Unreadable(1, "\"abc\ndefghij\nklmnopq", "row longer than 20 characters (lines 1 to 3)"),
                        new Fields(4, List.of("next")));
    }

    @Test
    void aHugeRowIsNeverHeld() throws IOException {
        long rowLength = 50_000_000;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        List<Row> rows = rows(new Generated(rowLength), Format.CSV, MAX_LINE);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(rows)
                .containsExactly(
                        new Unreadable(
                                1, "y".repeat(BulkTargets.RowError.MAX_VALUE), "row longer than 8192 characters"),
                        new Fields(2, List.of("https://a.example/after")));
        assertThat(allocated)
                .as("bytes allocated reading a %d-character row", rowLength)
                .isLessThan(rowLength / 10);
    }

    @Test
    void nulCharactersMakeARowUnreadable() throws IOException {
        assertThat(rows("https://a.example/\0x,acc\n\"a\0\"b\n", Format.CSV))
                .containsExactly(
                        new Unreadable(1, "https://a.example/\0x,acc", "NUL characters are not accepted"),
                        new Unreadable(2, "\"a\0\"b", "NUL characters are not accepted"));
    }

    @Test
    void tsvSplitsAtTabsAndHasNoQuoting() throws IOException {
        assertThat(rows("url\taccount_id\n\"https://a.example/x\"\tacc, 7\n a \tb\tc\n", Format.TSV))
                .containsExactly(
                        new Fields(1, List.of("url", "account_id")),
                        new Fields(2, List.of("\"https://a.example/x\"", "acc, 7")),
                        new Fields(3, List.of("a", "b", "c")));
    }

    @Test
    void anEmptyUploadHasNoRows() throws IOException {
        assertThat(rows("", Format.CSV)).isEmpty();
        assertThat(rows("\uFEFF\n\n", Format.TSV)).isEmpty();
    }

    private static List<Row> rows(String upload, Format format) throws IOException {
        return rows(new StringReader(upload), format, MAX_LINE);
    }

    private static List<Row> rows(String upload, Format format, int max) throws IOException {
        return rows(new StringReader(upload), format, max);
    }

    private static List<Row> rows(Reader upload, Format format, int max) throws IOException {
        BulkRows rows = new BulkRows(upload, format, max);
        List<Row> all = new ArrayList<>();
        for (Row row = rows.next(); row != null; row = rows.next()) {
            all.add(row);
        }
        return all;
    }

    /** One row of {@code length} 'y's, then a short one; made up as it is read, never held. */
    private static final class Generated extends Reader {

        private static final char[] AFTER = "\nhttps://a.example/after\n".toCharArray();
        private final long length;
        private long position;

        Generated(long length) {
            this.length = length;
        }

        @Override
        public int read(char[] out, int offset, int count) {
            long total = length + AFTER.length;
            if (position == total) {
                return -1;
            }
            int n = (int) Math.min(count, total - position);
            for (int i = 0; i < n; i++, position++) {
                out[offset + i] = position < length ? 'y' : AFTER[(int) (position - length)];
            }
            return n;
        }

        @Override
        public void close() {}
    }
}
