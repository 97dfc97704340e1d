package dev.takedown.correspondence.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a delivery status notification (RFC 3464: {@code multipart/report; report-type=delivery-status}) that came
 * back to the bounce mailbox: whether delivery failed for good ({@code Action: failed}; a delay is not a bounce), why,
 * and which of our letters it is about, by the Message-IDs quoted in its returned headers. A message that is not such
 * a report (an auto-reply, spam) names no failure.
 */
final class DeliveryReports {

    private static final Pattern FAILED = Pattern.compile("(?im)^Action:\\s*failed\\b");
    private static final Pattern DETAILS = Pattern.compile("(?im)^(Status|Diagnostic-Code):\\s*(.+)$");

    /** What a report says about our letters. */
    record Report(List<String> messageIds, String reason) {}

    private DeliveryReports() {}

    /** @param domain the right-hand side of our Message-IDs */
    static Optional<Report> read(MimeMessage message, String domain) throws MessagingException, IOException {
        String type =
                message.getContentType() == null ? "" : message.getContentType().toLowerCase();
        if (!type.startsWith("multipart/report") || !type.contains("delivery-status")) {
            return Optional.empty();
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        String text = raw.toString(StandardCharsets.ISO_8859_1);
        if (!FAILED.matcher(text).find()) {
            return Optional.empty();
        }
        Pattern ours = Pattern.compile("<[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}@" + Pattern.quote(domain) + ">");
        Set<String> ids = new LinkedHashSet<>();
        Matcher found = ours.matcher(text);
        while (found.find()) {
            ids.add(found.group());
        }
        ids.remove(message.getMessageID());
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder reason = new StringBuilder();
        Matcher details = DETAILS.matcher(text);
        while (details.find()) {
            if (!reason.isEmpty()) {
                reason.append("; ");
            }
            reason.append(details.group(1)).append(": ").append(details.group(2).strip());
        }
        return Optional.of(new Report(List.copyOf(ids), reason.isEmpty() ? "delivery failed" : reason.toString()));
    }
}
