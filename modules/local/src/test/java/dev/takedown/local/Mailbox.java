package dev.takedown.local;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the stack's mail server (GreenMail in {@link LocalInfrastructure}) received: the letters as parties read them. */
final class Mailbox {

    private static final Pattern RECEIPT_LINK = Pattern.compile("https?://\\S+(/l/\\S+)");

    private Mailbox() {}

    /** The one message to {@code address} whose subject contains {@code subjectPart}, once it arrived. */
    static MimeMessage letter(String address, String subjectPart) {
        MimeMessage[] found = new MimeMessage[1];
        org.awaitility.Awaitility.await().atMost(Cases.PATIENCE).until(() -> {
            found[0] = find(address, subjectPart).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    static Optional<MimeMessage> find(String address, String subjectPart) {
        return Arrays.stream(TestInfrastructure.get().mail().getReceivedMessages())
                .filter(message -> to(message, address))
                .filter(message -> subject(message).contains(subjectPart))
                .findFirst();
    }

    /** The decoded text of a letter (UTF-8, quoted-printable on the wire). */
    static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of the letter's own link ({@code /l/…}), whose opening is its receipt. */
    static String receiptPath(MimeMessage message) {
        Matcher link = RECEIPT_LINK.matcher(text(message));
        if (!link.find()) {
            throw new AssertionError("no receipt link in " + text(message));
        }
        return link.group(1);
    }

    /** Whether the message went to {@code address}, whatever name stands beside it in the header. */
    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(jakarta.mail.Message.RecipientType.TO))
                    .map(recipient -> ((jakarta.mail.internet.InternetAddress) recipient).getAddress())
                    .anyMatch(address::equalsIgnoreCase);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
