package dev.takedown.correspondence.internal;

import dev.takedown.events.LetterQueued;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails queued letters: each right after the transaction that wrote it commits, and every due one on a schedule (a
 * letter whose first try failed, or whose node stopped before trying). A letter is locked while it is sent, so two
 * nodes never send it together. A permanent refusal (5xx) bounces it; anything else is tried again with back-off until
 * the last attempt fails it. A crash between the server's acceptance and the commit sends it once more (same
 * Message-ID): letters are sent at least once.
 */
@Component
class LetterDispatch {

    private static final Logger log = LoggerFactory.getLogger(LetterDispatch.class);

    private final LetterStore store;
    private final LetterProgress progress;
    private final ObjectProvider<JavaMailSender> mail;
    private final CorrespondenceProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LetterDispatch(
            LetterStore store,
            LetterProgress progress,
            ObjectProvider<JavaMailSender> mail,
            CorrespondenceProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.progress = progress;
        this.mail = mail;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(LetterQueued queued) {
        if (queued.recipient() != null) {
            attempt(UUID.fromString(queued.letterId()));
        }
    }

    @Scheduled(
            initialDelayString = "${takedown.correspondence.dispatch-interval:PT10S}",
            fixedDelayString = "${takedown.correspondence.dispatch-interval:PT10S}")
    void sendDue() {
        if (mail.getIfAvailable() == null) {
            return;
        }
        for (UUID id : store.due(clock.instant(), 50)) {
            attempt(id);
        }
    }

    /** One attempt at the letter, if it is queued, due and not being sent by another node. */
    void attempt(UUID id) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.debug("No mail server configured (spring.mail.host): letter {} stays queued", id);
            return;
        }
        transactions.executeWithoutResult(tx -> store.lockDue(id, clock.instant())
                .ifPresent(letter -> {
                    try {
                        sender.send(message(letter, sender));
                        progress.sent(letter);
                    } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                        Optional<String> refusal = permanentRefusal(e);
                        if (refusal.isPresent()) {
                            log.info("Letter {} refused by the mail server: {}", id, refusal.get());
                            progress.bounced(letter, LetterProgress.SMTP, refusal.get());
                        } else {
                            log.warn("Letter {} not sent (attempt {}): {}", id, letter.attempts() + 1, describe(e));
                            progress.failedAttempt(letter, describe(e));
                        }
                    }
                }));
    }

    private MimeMessage message(StoredLetter letter, JavaMailSender sender)
            throws MessagingException, UnsupportedEncodingException {
        Session session =
                sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        LetterMessage message = new LetterMessage(session, letter.messageId());
        message.setFrom(new InternetAddress(properties.getFrom(), true));
        message.setRecipient(
                jakarta.mail.Message.RecipientType.TO,
                new InternetAddress(letter.recipientEmail(), letter.recipientName(), "UTF-8"));
        message.setSubject(letter.subject(), "UTF-8");
        message.setText(letter.body(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", letter.language());
        // RFC 3834: an automatic message; vacation responders must not answer it
        message.setHeader("Auto-Submitted", "auto-generated");
        String bounces = properties.getBounceAddress();
        if (bounces != null && !bounces.isBlank()) {
            // the Return-Path: delivery status notifications come back to the bounce mailbox, with our headers
            message.setEnvelopeFrom(bounces);
            message.setNotifyOptions(SMTPMessage.NOTIFY_FAILURE | SMTPMessage.NOTIFY_DELAY);
            message.setReturnOption(SMTPMessage.RETURN_HDRS);
        }
        return message;
    }

    /** The server's 5xx answer, if the failure is one: the address or the message was refused for good. */
    static Optional<String> permanentRefusal(Exception failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return Optional.of(refused.getMessage().strip());
            }
            if (next instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 500) {
                return Optional.of(refused.getMessage().strip());
            }
            if (next instanceof MailSendException send) {
                pending.addAll(send.getFailedMessages().values());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.add(messaging.getNextException());
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
        }
        return Optional.empty();
    }

    private static String describe(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + ": " + root;
    }

    /** A message whose Message-ID is the letter's own, not one Jakarta Mail makes up when it is saved. */
    static final class LetterMessage extends SMTPMessage {

        private final String messageId;

        LetterMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
