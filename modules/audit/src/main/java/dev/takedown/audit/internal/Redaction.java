package dev.takedown.audit.internal;

import java.util.regex.Pattern;

/**
 * Scrubs personal data a person may have typed into free text (a moderator's reason) before it leaves for the public
 * feed (the Transparency Database gets no typed text at all, {@link StatementBuilder}): email addresses, PRC resident identity numbers, phone numbers and other long
 * digit runs (account and document numbers). URLs are kept: the target of a decision is what is disclosed. Names
 * cannot be recognised reliably, which is why the outputs carry structured facts and use free text only where the
 * law asks for an explanation.
 */
public final class Redaction {

    public static final String MARK = "[redacted]";

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern CN_IDENTITY = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
    // 6+ digits, optionally grouped by spaces, dots, dashes or a leading +: phone, account and document numbers
    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9](?:[ .()-]?[0-9]){5,}");

    private Redaction() {}

    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        var urls = URL.matcher(text);
        int at = 0;
        while (urls.find()) {
            out.append(scrubPlain(text.substring(at, urls.start()))).append(urls.group());
            at = urls.end();
        }
        return out.append(scrubPlain(text.substring(at))).toString();
    }

    private static String scrubPlain(String text) {
        String scrubbed = EMAIL.matcher(text).replaceAll(MARK);
        scrubbed = CN_IDENTITY.matcher(scrubbed).replaceAll(MARK);
        return DIGITS.matcher(scrubbed).replaceAll(MARK);
    }
}
