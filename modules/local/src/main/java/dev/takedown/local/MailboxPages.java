package dev.takedown.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The local stack's mailbox: every message the embedded mail server received, newest first, by address (the demo
 * rights holders' and the uploaders'), so that the letters and their signed links can be followed without a mail
 * client. Local profile only: it shows every party's mail to whoever opens it.
 */
@Controller
@Profile("local")
class MailboxPages {

    /** One received message as the page shows it. */
    record Received(String to, String from, String subject, Instant receivedAt, String messageId, String body) {}

    private final ObjectProvider<GreenMail> mail;

    MailboxPages(ObjectProvider<GreenMail> mail) {
        this.mail = mail;
    }

    @GetMapping("/mailbox")
    String mailbox(@RequestParam(required = false) String address, Model model) throws MessagingException {
        GreenMail server = mail.getIfAvailable();
        if (server == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no local mail server");
        }
        List<Received> all = Stream.of(server.getReceivedMessages())
                .flatMap(MailboxPages::perRecipient)
                .sorted(Comparator.comparing(Received::receivedAt).reversed())
                .toList();
        model.addAttribute(
                "addresses", new TreeSet<>(all.stream().map(Received::to).toList()));
        model.addAttribute("address", address);
        model.addAttribute(
                "messages",
                address == null || address.isBlank()
                        ? all
                        : all.stream()
                                .filter(m -> m.to().equalsIgnoreCase(address.strip()))
                                .toList());
        return "local/mailbox";
    }

    private static Stream<Received> perRecipient(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            String from = message.getFrom() == null ? "" : Arrays.toString(message.getFrom());
            Instant received = message.getReceivedDate() != null
                    ? message.getReceivedDate().toInstant()
                    : message.getSentDate().toInstant();
            // decoded text (letters are UTF-8, often quoted-printable); anything else raw
            String body = message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
            String subject = message.getSubject();
            String messageId = message.getMessageID();
            return Stream.of(to == null ? new Address[0] : to)
                    // by address, without the name beside it, so that one party's letters stay together
                    .map(address -> new Received(
                            address instanceof InternetAddress internet ? internet.getAddress() : address.toString(),
                            from,
                            subject,
                            received,
                            messageId,
                            body));
        } catch (MessagingException | IOException unreadable) {
            return Stream.empty();
        }
    }
}
