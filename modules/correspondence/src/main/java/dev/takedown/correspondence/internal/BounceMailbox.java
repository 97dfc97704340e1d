package dev.takedown.correspondence.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the bounce mailbox over IMAP ({@code takedown.correspondence.bounces}): every unread delivery status
 * notification that reports a failed delivery of one of our letters bounces that letter. Each message read is marked
 * seen, whatever it was, so the next poll starts where this one ended; nothing is deleted.
 */
@Component
public class BounceMailbox {

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private final CorrespondenceProperties properties;
    private final LetterStore store;
    private final LetterProgress progress;
    private final TransactionTemplate transactions;
    private final String domain;

    BounceMailbox(
            CorrespondenceProperties properties,
            LetterStore store,
            LetterProgress progress,
            PlatformTransactionManager transactions,
            @Value("${takedown.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.properties = properties;
        this.store = store;
        this.progress = progress;
        this.transactions = new TransactionTemplate(transactions);
        this.domain = properties.getMessageIdDomain().isBlank()
                ? URI.create(publicBaseUrl).getHost()
                : properties.getMessageIdDomain();
    }

    @Scheduled(
            initialDelayString = "${takedown.correspondence.bounces.interval:PT1M}",
            fixedDelayString = "${takedown.correspondence.bounces.interval:PT1M}")
    void scheduled() {
        if (properties.getBounces().enabled()) {
            try {
                poll();
            } catch (MessagingException e) {
                log.warn("Bounce mailbox not read: {}", e.toString());
            }
        }
    }

    /** Reads the unread messages once; returns how many letters bounced. */
    public int poll() throws MessagingException {
        CorrespondenceProperties.Bounces mailbox = properties.getBounces();
        Properties settings = new Properties();
        settings.put("mail." + mailbox.getProtocol() + ".connectiontimeout", "10000");
        settings.put("mail." + mailbox.getProtocol() + ".timeout", "30000");
        Session session = Session.getInstance(settings);
        int bounced = 0;
        try (Store imap = session.getStore(mailbox.getProtocol())) {
            imap.connect(mailbox.getHost(), mailbox.getPort(), mailbox.getUsername(), mailbox.getPassword());
            Folder folder = imap.getFolder(mailbox.getFolder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    bounced += read((MimeMessage) message);
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        }
        return bounced;
    }

    private int read(MimeMessage message) throws MessagingException {
        Optional<DeliveryReports.Report> report;
        try {
            report = DeliveryReports.read(message, domain);
        } catch (IOException unreadable) {
            log.warn("Unreadable message in the bounce mailbox: {}", unreadable.toString());
            return 0;
        }
        if (report.isEmpty()) {
            return 0;
        }
        int bounced = 0;
        for (String messageId : report.get().messageIds()) {
            Integer one = transactions.execute(tx -> store.byMessageId(messageId)
                    .map(letter -> {
                        progress.bounced(
                                letter, LetterProgress.DSN, report.get().reason());
                        return 1;
                    })
                    .orElse(0));
            bounced += one == null ? 0 : one;
        }
        return bounced;
    }
}
