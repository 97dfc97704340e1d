package dev.takedown.bench.bulk;

import dev.takedown.notices.TargetUrl;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bulk upload of issue 9, generated deterministically: a header, then row i (0-based) is malformed when
 * i % 20 == 7 (5 %), a differently spelt repeat of row i-3 when i % 5 == 3 (20 %), else a new URL (75 %).
 */
public final class BulkCsv {

    private BulkCsv() {}

    public static String row(int i) {
        if (i % 20 == 7) {
            return "not a url " + i;
        }
        if (i % 5 == 3) {
            return url(i - 3).replace("https://bulk.example", "HTTPS://Bulk.EXAMPLE") + "#dup";
        }
        return url(i) + (i % 10 == 1 ? ",account-" + i : "");
    }

    static String url(int i) {
        return "https://bulk.example/gen/" + (i % 97) + "/item-%07d.png".formatted(i) + (i % 2 == 0 ? "" : "?s=1024");
    }

    /** The CSV as uploaded. */
    public static byte[] csv(int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 60);
        out.writeBytes("url,account_id\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < rows; i++) {
            out.writeBytes((row(i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /**
     * The well-formed rows, canonicalised ahead of time, as PostgreSQL COPY text for
     * {@code notice_target (notice_id, position, type, url, account_id)}: what COPY stores when someone else has
     * already parsed the file (duplicates included: COPY cannot drop them).
     */
    public static byte[] copyText(String[] copyRows, String noticeId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(copyRows.length * 110);
        byte[] id = noticeId.getBytes(StandardCharsets.UTF_8);
        for (String row : copyRows) {
            out.writeBytes(id);
            out.writeBytes(row.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Each well-formed row as COPY text after the notice id: {@code \tposition\tURL\turl\taccount\n}. */
    public static String[] copyRows(int rows) {
        java.util.List<String> out = new java.util.ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            if (i % 20 == 7) {
                continue;
            }
            String[] fields = row(i).split(",", 2);
            String account = fields.length == 2 ? fields[1] : "\\N";
            out.add("\t" + i + "\tURL\t" + TargetUrl.canonical(fields[0]) + "\t" + account + "\n");
        }
        return out.toArray(String[]::new);
    }

    public static long expectedAccepted(int rows) {
        long accepted = 0;
        for (int i = 0; i < rows; i++) {
            accepted += i % 20 != 7 && i % 5 != 3 ? 1 : 0;
        }
        return accepted;
    }
}
