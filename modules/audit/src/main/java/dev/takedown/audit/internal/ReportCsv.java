package dev.takedown.audit.internal;

import dev.takedown.audit.TransparencyReport;
import java.util.Map;

/**
 * The transparency report as RFC 4180 CSV, one figure per row: {@code section,item,value}. Categories and sources are
 * whatever notifiers typed, so every cell is neutralised against spreadsheet formula injection (OWASP "CSV
 * injection"): a cell starting with {@code = + - @}, tab or carriage return is prefixed with an apostrophe, which
 * spreadsheets show as text.
 */
public final class ReportCsv {

    private ReportCsv() {}

    public static String transparency(TransparencyReport report) {
        StringBuilder out = new StringBuilder();
        row(out, "section", "item", "value");
        row(out, "period", "from", report.from().toString());
        row(out, "period", "to", report.to().toString());
        TransparencyReport.Notices notices = report.notices();
        row(out, "notices", "total", notices.total());
        row(out, "notices", "from_trusted_flaggers", notices.fromTrustedFlaggers());
        rows(out, "notices_by_category", notices.byCategory());
        rows(out, "notices_by_source", notices.bySource());
        rows(out, "notices_by_profile", notices.byProfile());
        rows(out, "notices_by_disposition", notices.byDisposition());
        TransparencyReport.Decisions decisions = report.decisions();
        row(out, "decisions", "total", decisions.total());
        row(out, "decisions", "with_action", decisions.withAction());
        row(out, "decisions", "without_action", decisions.withoutAction());
        row(out, "decisions", "automated", decisions.automated());
        row(out, "decisions", "median_hours_to_decision", decisions.medianHoursToDecision());
        row(out, "decisions", "actions", decisions.actions());
        row(out, "decisions", "median_hours_to_action", decisions.medianHoursToAction());
        row(out, "decisions", "removals", decisions.removals());
        row(out, "decisions", "median_hours_to_removal", decisions.medianHoursToRemoval());
        TransparencyReport.Complaints complaints = report.complaints();
        row(out, "complaints", "filed", complaints.filed());
        row(out, "complaints", "decided", complaints.decided());
        row(out, "complaints", "reversed", complaints.reversed());
        row(out, "complaints", "median_hours_to_decide", complaints.medianHoursToDecide());
        TransparencyReport.CounterNotices counter = report.counterNotices();
        row(out, "counter_notices", "filed", counter.filed());
        row(out, "counter_notices", "measures_lifted", counter.measuresLifted());
        row(out, "counter_notices", "cases_restored", counter.casesRestored());
        return out.toString();
    }

    /** One cell, neutralised and quoted as needed. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }

    private static void rows(StringBuilder out, String section, Map<String, Long> counts) {
        counts.forEach((item, n) -> row(out, section, item, n));
    }

    private static void row(StringBuilder out, String section, String item, Object value) {
        out.append(cell(section))
                .append(',')
                .append(cell(item))
                .append(',')
                .append(cell(value == null ? null : value.toString()))
                .append("\r\n");
    }
}
