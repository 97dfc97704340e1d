package dev.takedown.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.takedown.correspondence.Correspondence;
import dev.takedown.correspondence.DeliveryBasis;
import dev.takedown.correspondence.Letter;
import dev.takedown.correspondence.LetterKind;
import dev.takedown.correspondence.LetterLink;
import dev.takedown.correspondence.LetterStateException;
import dev.takedown.correspondence.LetterStatus;
import dev.takedown.correspondence.LetterView;
import dev.takedown.correspondence.PartyRole;
import dev.takedown.correspondence.Recipient;
import dev.takedown.events.LetterBounced;
import dev.takedown.events.LetterDelivered;
import dev.takedown.events.LetterFailed;
import dev.takedown.events.LetterQueued;
import dev.takedown.events.LetterSent;
import dev.takedown.events.TakedownEvent;
import dev.takedown.testing.EmbeddedDatabase;
import dev.takedown.testing.MovingClock;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The correspondence module alone, on a real PostgreSQL and a real mail server (GreenMail: SMTP and the bounce
 * mailbox over IMAP): a letter is written in the caller's transaction and e-mailed after it commits, with its own
 * Message-ID; it is delivered on receipt or deemed so on a clock the test moves; a refusal bounces it at once, a
 * delivery status notification later; transient failures are retried and then fail it; a rolled-back transaction sends
 * nothing. Each step is a ledger fact.
 */
@ApplicationModuleTest
@TestPropertySource(
        properties = {
            "takedown.links.secret=a-secret-for-the-module-test-only-0123456789",
            "takedown.public-base-url=https://takedown.test",
            "spring.mail.host=127.0.0.1",
            "spring.flyway.out-of-order=true",
            "takedown.correspondence.from=Takedown <notices@takedown.test>",
            "takedown.correspondence.bounce-address=bounces@takedown.test",
            // the test drives every schedule itself
            "takedown.correspondence.dispatch-interval=PT1H",
            "takedown.correspondence.deemed-interval=PT1H",
            "takedown.correspondence.bounces.interval=PT1H",
            "takedown.correspondence.retry.max-attempts=3",
            "takedown.correspondence.retry.first-delay=PT1M",
            "takedown.correspondence.deemed-delivery.default-after=PT24H",
            "takedown.correspondence.deemed-delivery.kinds.RESTORED=PT0S",
            "takedown.correspondence.bounces.host=127.0.0.1",
            "takedown.correspondence.bounces.protocol=imap",
            "takedown.correspondence.bounces.username=bounces",
            "takedown.correspondence.bounces.password=bounce-secret"
        })
class CorrespondenceModuleTest {

    private static final String CASE = "7d3c1f0e-55b1-4a43-9a43-2f7d6a2b9c10";

    /** SMTP and IMAP on free ports, started with the class: the context reads their ports when it starts. */
    static final GreenMail mail = started();

    private static GreenMail started() {
        GreenMail greenMail = new GreenMail(
                new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        greenMail.withConfiguration(
                GreenMailConfiguration.aConfig().withUser("bounces@takedown.test", "bounces", "bounce-secret"));
        greenMail.start();
        return greenMail;
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add(
                "takedown.correspondence.bounces.port", () -> mail.getImap().getPort());
    }

    /** Every fact the module announced and committed (what the ledger records), from whichever thread. */
    static final class Facts {

        final List<TakedownEvent> all = new CopyOnWriteArrayList<>();

        @TransactionalEventListener(fallbackExecution = true)
        void on(TakedownEvent event) {
            all.add(event);
        }

        <T> List<T> of(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @TestConfiguration
    static class Fixtures {

        // declared as a Clock: a module test drops beans whose declared type lies in another module's package
        @Bean
        Clock clock() {
            return new MovingClock(Instant.parse("2025-09-19T01:00:00Z"));
        }

        @Bean
        Facts facts() {
            return new Facts();
        }
    }

    @Autowired
    Correspondence correspondence;

    @Autowired
    LetterDispatch dispatch;

    @Autowired
    DeemedDeliveries deemed;

    @Autowired
    BounceMailbox bounces;

    @Autowired
    JavaMailSenderImpl sender;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovingClock clock;

    @Autowired
    Facts facts;

    private int greenMailPort;

    @BeforeEach
    void cleanSlate() throws Exception {
        greenMailPort = sender.getPort();
        mail.purgeEmailFromAllMailboxes();
        // each test follows its own letters: another test's sent letter would be deemed delivered in this one
        jdbc.update("delete from letter");
        facts.all.clear();
    }

    @AfterEach
    void restoreServer() {
        sender.setPort(greenMailPort);
    }

    @Test
    void aLetterIsSentAfterCommitWithItsMessageIdAndALinkWhoseOpeningIsItsReceipt() throws Exception {
        String id = inTransaction(() -> correspondence.send(decisionTo("legal@studio-a.test", Locale.ENGLISH)));

        LetterView sent = awaitStatus(id, LetterStatus.SENT);
        MimeMessage received = single(mail.getReceivedMessagesForDomain("studio-a.test"));
        assertThat(received.getMessageID()).isEqualTo(sent.messageId()).matches("<" + id + "@takedown\\.test>");
        assertThat(received.getSubject()).isEqualTo("Decision on your notice: measures taken");
        assertThat(InternetAddress.toString(received.getFrom())).contains("notices@takedown.test");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        String body = ((String) received.getContent()).replace("\r\n", "\n");
        assertThat(body)
                .isEqualTo(sent.body())
                .contains("Measures taken: DELETE", "by a person", "Redress: internal complaint")
                .contains("https://takedown.test/l/" + id + ".");
        assertThat(sent.sentAt()).isEqualTo(clock.instant());
        assertThat(sent.deemedAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(facts.of(LetterQueued.class)).singleElement().satisfies(queued -> {
            assertThat(queued.letterId()).isEqualTo(id);
            assertThat(queued.caseId()).isEqualTo(CASE);
            assertThat(queued.kind()).isEqualTo("DECISION");
            assertThat(queued.recipient()).isEqualTo("legal@studio-a.test");
            assertThat(queued.messageId()).isEqualTo(sent.messageId());
            assertThat(queued.bodySha256()).hasSize(64);
        });
        assertThat(facts.of(LetterSent.class))
                .singleElement()
                .satisfies(s -> assertThat(s.attempt()).isEqualTo(1));

        // the recipient opens the link: delivered, once; the page it opens is the case page
        String token = sent.body().replaceAll("(?s).*https://takedown\\.test/l/(\\S+).*", "$1");
        clock.advance(Duration.ofHours(2));
        assertThat(correspondence.open(token, true)).contains("https://takedown.test/notices/" + CASE);
        assertThat(correspondence.open(token, true)).isPresent();
        LetterView opened = correspondence.find(id).orElseThrow();
        assertThat(opened.status()).isEqualTo(LetterStatus.DELIVERED);
        assertThat(opened.deliveryBasis()).isEqualTo(DeliveryBasis.RECEIPT);
        assertThat(opened.deliveredAt()).isEqualTo(clock.instant());
        assertThat(facts.of(LetterDelivered.class)).singleElement().satisfies(d -> {
            assertThat(d.basis()).isEqualTo("RECEIPT");
            assertThat(d.deliveredAt()).isEqualTo(clock.instant());
            assertThat(d.sentAt()).isEqualTo(sent.sentAt());
        });
        assertThat(correspondence.open(token.substring(0, token.length() - 2) + "xx", true))
                .as("a forged signature opens nothing")
                .isEmpty();
    }

    @Test
    void staffOpeningALetterOnACaseDeliversNothing() {
        String id = inTransaction(() -> correspondence.send(decisionTo("legal@studio-b.test", Locale.ENGLISH)));
        LetterView sent = awaitStatus(id, LetterStatus.SENT);
        String token = sent.body().replaceAll("(?s).*https://takedown\\.test/l/(\\S+).*", "$1");

        assertThat(correspondence.open(token, false)).isPresent();

        assertThat(correspondence.find(id).orElseThrow().status()).isEqualTo(LetterStatus.SENT);
        assertThat(facts.of(LetterDelivered.class)).isEmpty();
    }

    @Test
    void withoutAReceiptALetterIsDeemedDeliveredAtTheConfiguredTimeAfterSending() {
        String id = inTransaction(() -> correspondence.send(decisionTo("legal@studio-c.test", Locale.ENGLISH)));
        Instant sentAt = awaitStatus(id, LetterStatus.SENT).sentAt();

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        deemed.deliverDue();
        assertThat(correspondence.find(id).orElseThrow().status()).isEqualTo(LetterStatus.SENT);

        // the sweep runs late; the letter counts as delivered when it was deemed to arrive
        clock.advance(Duration.ofHours(6));
        deemed.deliverDue();
        deemed.deliverDue();
        LetterView delivered = correspondence.find(id).orElseThrow();
        assertThat(delivered.status()).isEqualTo(LetterStatus.DELIVERED);
        assertThat(delivered.deliveryBasis()).isEqualTo(DeliveryBasis.DEEMED);
        assertThat(delivered.deliveredAt()).isEqualTo(sentAt.plus(Duration.ofHours(24)));
        assertThat(facts.of(LetterDelivered.class)).singleElement().satisfies(d -> {
            assertThat(d.basis()).isEqualTo("DEEMED");
            assertThat(d.deliveredAt()).isEqualTo(sentAt.plus(Duration.ofHours(24)));
        });
    }

    @Test
    void aKindDeemedDeliveredOnAcceptanceIsDeliveredWhenTheServerTakesIt() {
        String id = inTransaction(() -> correspondence.send(new Letter(
                CASE,
                new Recipient(PartyRole.UPLOADER, "acct-7", null, "acct-7@users.test", Locale.CHINA),
                LetterKind.RESTORED,
                Map.of(),
                "https://takedown.test/u/token",
                List.of())));

        LetterView delivered = awaitStatus(id, LetterStatus.DELIVERED);
        assertThat(delivered.deliveryBasis()).isEqualTo(DeliveryBasis.DEEMED);
        assertThat(delivered.deliveredAt()).isEqualTo(delivered.sentAt());
        assertThat(delivered.subject()).isEqualTo("内容已恢复");
        assertThat(facts.of(LetterSent.class)).hasSize(1);
        assertThat(facts.of(LetterDelivered.class)).hasSize(1);
    }

    @Test
    void aRecipientTheServerRefusesBouncesTheLetterAtOnce() {
        try (ScriptedSmtpServer refusing = new ScriptedSmtpServer("550 5.1.1 <nobody@studio-d.test>: no such user")) {
            sender.setPort(refusing.port());
            String id = inTransaction(() -> correspondence.send(decisionTo("nobody@studio-d.test", Locale.ENGLISH)));

            LetterView bounced = awaitStatus(id, LetterStatus.BOUNCED);
            assertThat(bounced.bounceReason()).contains("550", "no such user");
            assertThat(bounced.bouncedAt()).isEqualTo(clock.instant());
            assertThat(bounced.attempts()).isEqualTo(1);
            assertThat(facts.of(LetterBounced.class)).singleElement().satisfies(b -> {
                assertThat(b.source()).isEqualTo("SMTP");
                assertThat(b.reason()).contains("5.1.1");
            });
            assertThat(facts.of(LetterSent.class)).isEmpty();
            assertThat(correspondence.undelivered())
                    .extracting(LetterView::letterId)
                    .contains(id);
        }
    }

    @Test
    void aDeliveryStatusNotificationInTheBounceMailboxBouncesTheLetterItQuotes() throws Exception {
        String id = inTransaction(() -> correspondence.send(decisionTo("gone@studio-e.test", Locale.ENGLISH)));
        LetterView sent = awaitStatus(id, LetterStatus.SENT);
        MimeMessage original = single(mail.getReceivedMessagesForDomain("studio-e.test"));
        assertThat(original.getHeader("Return-Path", null)).contains("bounces@takedown.test");

        deliverToBounceMailbox(report(sent.messageId(), "failed", "5.1.1", "smtp; 550 5.1.1 user unknown"));
        deliverToBounceMailbox(report(sent.messageId(), "delayed", "4.4.7", "smtp; 451 try later"));

        assertThat(bounces.poll()).isEqualTo(1);
        LetterView bounced = correspondence.find(id).orElseThrow();
        assertThat(bounced.status()).isEqualTo(LetterStatus.BOUNCED);
        assertThat(bounced.bounceReason()).contains("Status: 5.1.1", "550 5.1.1 user unknown");
        assertThat(facts.of(LetterBounced.class))
                .singleElement()
                .satisfies(b -> assertThat(b.source()).isEqualTo("DSN"));
        assertThat(bounces.poll()).as("read messages are not read again").isZero();

        // a bounced letter is not deemed delivered however long it waits
        clock.advance(Duration.ofDays(3));
        deemed.deliverDue();
        assertThat(correspondence.find(id).orElseThrow().status()).isEqualTo(LetterStatus.BOUNCED);
    }

    @Test
    void transientFailuresAreRetriedWithBackOffThenTheLetterFails() throws Exception {
        int nothingListens;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            nothingListens = probe.getLocalPort();
        }
        sender.setPort(nothingListens);
        String id = inTransaction(() -> correspondence.send(decisionTo("legal@studio-f.test", Locale.ENGLISH)));
        awaitTrue(() -> correspondence.find(id).orElseThrow().attempts() == 1);
        assertThat(correspondence.find(id).orElseThrow().status()).isEqualTo(LetterStatus.QUEUED);

        dispatch.sendDue();
        assertThat(correspondence.find(id).orElseThrow().attempts())
                .as("not due before the back-off")
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        dispatch.sendDue();
        assertThat(correspondence.find(id).orElseThrow().attempts()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        dispatch.sendDue();
        assertThat(correspondence.find(id).orElseThrow().attempts())
                .as("the second wait is twice the first")
                .isEqualTo(2);

        clock.advance(Duration.ofMinutes(1));
        dispatch.sendDue();
        LetterView failed = correspondence.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(LetterStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.failedAt()).isEqualTo(clock.instant());
        assertThat(failed.lastError()).containsIgnoringCase("connect");
        assertThat(facts.of(LetterFailed.class))
                .singleElement()
                .satisfies(f -> assertThat(f.attempts()).isEqualTo(3));

        // the moderators reach the notifier at another address
        sender.setPort(greenMailPort);
        LetterView again = correspondence.resend(id, "legal-2@studio-f.test", "moderator");
        assertThat(again.resentFrom()).isEqualTo(id);
        assertThat(awaitStatus(again.letterId(), LetterStatus.SENT).body())
                .contains("Measures taken: DELETE")
                .doesNotContain(id);
        assertThat(mail.getReceivedMessagesForDomain("studio-f.test")).hasSize(1);
        assertThat(correspondence.undelivered())
                .extracting(LetterView::letterId)
                .doesNotContain(id);
        assertThatThrownBy(() -> correspondence.resend(again.letterId(), "x@studio-f.test", "moderator"))
                .isInstanceOf(LetterStateException.class);
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        String[] written = new String[1];
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            written[0] = correspondence.send(decisionTo("legal@studio-g.test", Locale.ENGLISH));
            tx.setRollbackOnly();
        });

        clock.advance(Duration.ofMinutes(5));
        dispatch.sendDue();
        Thread.sleep(500);
        assertThat(mail.getReceivedMessagesForDomain("studio-g.test")).isEmpty();
        assertThat(correspondence.find(written[0])).isEmpty();
        assertThat(facts.all).isEmpty();
    }

    @Test
    void aPartyWithoutAnAddressGetsTheLetterKeptOnTheCaseAndAModeratorCanRecordHowItReachedThem() {
        String id = inTransaction(() -> correspondence.send(new Letter(
                CASE,
                new Recipient(PartyRole.UPLOADER, "https://gen.example/p/1", null, null, Locale.ENGLISH),
                LetterKind.FORWARDED_NOTICE,
                Map.of(
                        "measures",
                        List.of("DELETE"),
                        "restrictions",
                        List.of(Map.of(
                                "measure", "DELETE", "target", "https://gen.example/p/1", "countries", List.of())),
                        "target",
                        "https://gen.example/p/1",
                        "work",
                        "Tiga",
                        "family",
                        "CN"),
                "https://takedown.test/u/token",
                List.of(new LetterLink("Evidence", "https://takedown.test/e/1")))));

        LetterView kept = correspondence.find(id).orElseThrow();
        assertThat(kept.status()).isEqualTo(LetterStatus.NOT_SENT);
        assertThat(kept.body()).contains("(a) Measure: DELETE", "Evidence: https://takedown.test/e/1");
        assertThat(facts.of(LetterQueued.class))
                .singleElement()
                .satisfies(q -> assertThat(q.recipient()).isNull());
        assertThat(correspondence.undelivered())
                .extracting(LetterView::letterId)
                .contains(id);

        clock.advance(Duration.ofHours(1));
        LetterView confirmed =
                correspondence.confirmDelivery(id, clock.instant().minusSeconds(600), "by telephone", "moderator");
        assertThat(confirmed.status()).isEqualTo(LetterStatus.DELIVERED);
        assertThat(confirmed.deliveryBasis()).isEqualTo(DeliveryBasis.CONFIRMED);
        assertThat(confirmed.deliveredAt()).isEqualTo(clock.instant().minusSeconds(600));
        assertThat(confirmed.deliveredBy()).isEqualTo("moderator");
        assertThat(confirmed.deliveryNote()).isEqualTo("by telephone");
        assertThat(facts.of(LetterDelivered.class)).singleElement().satisfies(d -> {
            assertThat(d.basis()).isEqualTo("CONFIRMED");
            assertThat(d.actor()).isEqualTo("moderator");
        });
        assertThatThrownBy(() -> correspondence.confirmDelivery(id, null, "again", "moderator"))
                .isInstanceOf(LetterStateException.class);
        assertThatThrownBy(() -> correspondence.confirmDelivery(
                        inTransaction(() -> correspondence.send(decisionTo(null, Locale.ENGLISH))),
                        clock.instant().plusSeconds(60),
                        "tomorrow",
                        "moderator"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Letter decisionTo(String email, Locale language) {
        return new Letter(
                CASE,
                new Recipient(PartyRole.NOTIFIER, "org-a", "Studio A", email, language),
                LetterKind.DECISION,
                Map.of(
                        "outcome",
                        "ACTION_TAKEN",
                        "joined",
                        false,
                        "measures",
                        List.of("DELETE"),
                        "reason",
                        "copies the work",
                        "overturned",
                        false,
                        "family",
                        "CN"),
                "https://takedown.test/notices/" + CASE,
                List.of());
    }

    private String inTransaction(java.util.function.Supplier<String> work) {
        return new TransactionTemplate(transactions).execute(tx -> work.get());
    }

    private LetterView awaitStatus(String id, LetterStatus status) {
        awaitTrue(() -> correspondence.find(id).map(l -> l.status() == status).orElse(false));
        return correspondence.find(id).orElseThrow();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static MimeMessage single(MimeMessage[] messages) {
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    /** An RFC 3464 report as a receiving server sends it back, quoting the original's headers. */
    private static MimeMessage report(String originalMessageId, String action, String status, String diagnostic)
            throws Exception {
        MimeMessage report = new MimeMessage(Session.getInstance(new Properties()));
        report.setFrom(new InternetAddress("MAILER-DAEMON@mx.studio-e.test"));
        report.setRecipient(Message.RecipientType.TO, new InternetAddress("bounces@takedown.test"));
        report.setSubject("Undelivered Mail Returned to Sender");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered.", "UTF-8");
        MimeBodyPart machine = new MimeBodyPart();
        machine.setText(
                "Reporting-MTA: dns; mx.studio-e.test\r\n\r\nFinal-Recipient: rfc822; gone@studio-e.test\r\n"
                        + "Action: " + action + "\r\nStatus: " + status + "\r\nDiagnostic-Code: " + diagnostic
                        + "\r\n",
                "US-ASCII");
        machine.setHeader("Content-Type", "message/delivery-status");
        MimeBodyPart headers = new MimeBodyPart();
        headers.setText(
                "Message-ID: " + originalMessageId + "\r\nFrom: notices@takedown.test\r\nTo: gone@studio-e.test\r\n",
                "US-ASCII");
        headers.setHeader("Content-Type", "text/rfc822-headers");
        MimeMultipart parts = new MimeMultipart("report; report-type=delivery-status");
        parts.addBodyPart(human);
        parts.addBodyPart(machine);
        parts.addBodyPart(headers);
        report.setContent(parts);
        report.saveChanges();
        return report;
    }

    private static void deliverToBounceMailbox(MimeMessage report) throws Exception {
        mail.getUserManager().getUser("bounces").deliver(report);
    }
}
