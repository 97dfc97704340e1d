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
        rows(out, "lifts_by_cause", counter.liftedByCause());
        TransparencyReport.Orders orders = report.orders();
        row(out, "orders", "received", orders.received());
        rows(out, "orders_by_category", orders.byCategory());
        rows(out, "orders_by_member_state", orders.byMemberState());
        row(out, "orders", "given_effect", orders.givenEffect());
        row(out, "orders", "median_hours_to_effect", orders.medianHoursToEffect());
        rows(out, "actions_by_basis", report.noticeActions().byBasis());
        row(
                out,
                "actions",
                "on_trusted_flaggers_notices",
                report.noticeActions().onTrustedFlaggersNotices());
        TransparencyReport.OwnInitiative own = report.ownInitiative();
        row(out, "own_initiative", "measures_without_notice", own.measuresWithoutNotice());
        rows(out, "own_initiative_account_measures", own.accountMeasures());
        row(out, "own_initiative", "method", own.method());
        rows(out, "complaints_by_subject", report.complaintsBySubject());
        TransparencyReport.AutomatedMeans automated = report.automatedMeans();
        row(out, "automated_means", "decisions", automated.decisions());
        row(out, "automated_means", "complaints_decided", automated.complaintsDecided());
        row(out, "automated_means", "complaints_reversed", automated.complaintsReversed());
        row(out, "automated_means", "error_rate", automated.errorRate());
        row(out, "automated_means", "error_rate_method", automated.errorRateMethod());
        row(out, "automated_means", "prompts_blocked", automated.promptsBlocked());
        row(out, "automated_means", "prompts_generated", automated.promptsGenerated());
        row(out, "automated_means", "accuracy", automated.accuracy());
        row(out, "automated_means", "accuracy_method", automated.accuracyMethod());
        TransparencyReport.OutOfCourt outOfCourt = report.outOfCourt();
        row(out, "out_of_court", "referred", outOfCourt.referred());
        rows(out, "out_of_court_decided_by_outcome", outOfCourt.decidedByOutcome());
        row(out, "out_of_court", "median_days_to_decision", outOfCourt.medianDaysToDecision());
        row(out, "out_of_court", "implemented", outOfCourt.implemented());
        rows(out, "suspensions_by_party", report.suspensions().suspended());
        rows(out, "terminations_by_party", report.suspensions().terminated());
        TransparencyReport.ActiveRecipients recipients = report.activeRecipients();
        row(out, "active_recipients", "average_monthly", recipients.averageMonthly());
        row(out, "active_recipients", "months_reported", String.join(" ", recipients.monthsReported()));
        row(out, "active_recipients", "months_missing", String.join(" ", recipients.monthsMissing()));
        row(out, "active_recipients", "method", recipients.method());
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
