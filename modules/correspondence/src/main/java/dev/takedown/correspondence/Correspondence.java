package dev.takedown.correspondence;

import dev.takedown.correspondence.internal.CorrespondenceProperties;
import dev.takedown.correspondence.internal.LetterProgress;
import dev.takedown.correspondence.internal.LetterRenderer;
import dev.takedown.correspondence.internal.LetterStore;
import dev.takedown.correspondence.internal.ReceiptLinks;
import dev.takedown.correspondence.internal.StoredLetter;
import dev.takedown.events.LetterQueued;
import dev.takedown.events.TakedownEvent;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every letter to a party goes through here. {@link #send} writes it in the caller's transaction (rendered in the
 * recipient's language, with its Message-ID and a link whose opening is its receipt) and queues it; it is e-mailed
 * after commit, so a rolled-back decision sends nothing and a crash loses nothing. Its progress (sent, delivered,
 * bounced, failed) is recorded on it and announced on {@code takedown.notice-events}.
 */
@Service
public class Correspondence {

    private final LetterStore store;
    private final LetterRenderer renderer;
    private final LetterProgress progress;
    private final ReceiptLinks receipts;
    private final ApplicationEventPublisher events;
    private final String messageIdDomain;
    private final Clock clock;

    Correspondence(
            LetterStore store,
            LetterRenderer renderer,
            LetterProgress progress,
            ReceiptLinks receipts,
            ApplicationEventPublisher events,
            CorrespondenceProperties properties,
            @Value("${takedown.public-base-url:http://localhost:8080}") String publicBaseUrl,
            Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.progress = progress;
        this.receipts = receipts;
        this.events = events;
        this.messageIdDomain = properties.getMessageIdDomain().isBlank()
                ? URI.create(publicBaseUrl).getHost()
                : properties.getMessageIdDomain();
        this.clock = clock;
    }

    /**
     * Writes the letter and queues it for sending after the surrounding transaction commits. A recipient without a
     * usable e-mail address gets the letter kept on the case ({@link LetterStatus#NOT_SENT}).
     *
     * @return the letter's id
     */
    @Transactional
    public String send(Letter letter) {
        Locale language = LetterRenderer.language(letter.to().language());
        return write(
                        UUID.fromString(letter.caseId()),
                        letter.to(),
                        language,
                        letter.kind(),
                        renderer.normalise(letter.model(), language),
                        letter.opens(),
                        letter.links(),
                        null,
                        TakedownEvent.SYSTEM)
                .toString();
    }

    /** Every letter of the case, oldest first. */
    @Transactional(readOnly = true)
    public List<LetterView> letters(String caseId) {
        return uuid(caseId)
                .map(id -> store.forCase(id).stream().map(StoredLetter::view).toList())
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Optional<LetterView> find(String letterId) {
        return uuid(letterId).flatMap(store::find).map(StoredLetter::view);
    }

    /** Letters that did not arrive (bounced, failed, no address) and were not sent again elsewhere, oldest first. */
    @Transactional(readOnly = true)
    public List<LetterView> undelivered() {
        return store.undelivered(500).stream().map(StoredLetter::view).toList();
    }

    /**
     * Someone opened a letter's link. That is its receipt unless the reader says otherwise (staff looking at a case
     * are not its recipient).
     *
     * @return the page the letter opens; empty for a link that is not genuine
     */
    @Transactional
    public Optional<String> open(String token, boolean byRecipient) {
        return receipts.verify(token).flatMap(store::find).map(letter -> {
            if (byRecipient) {
                progress.delivered(
                        letter,
                        DeliveryBasis.RECEIPT,
                        clock.instant(),
                        TakedownEvent.SYSTEM,
                        null,
                        LetterProgress.RECEIVABLE);
            }
            return letter.opens();
        });
    }

    /**
     * The letter did not arrive: the same letter again, to another address (the moderators reach the party another
     * way). The new letter has its own Message-ID and link; the first one stays as it was.
     *
     * @throws LetterNotFoundException  no such letter
     * @throws LetterStateException     the letter is not undelivered
     * @throws IllegalArgumentException the address is not an e-mail address
     */
    @Transactional
    public LetterView resend(String letterId, String email, String moderator) {
        StoredLetter first = require(letterId);
        if (!first.status().undelivered()) {
            throw new LetterStateException("letter " + letterId + " is " + first.status() + ", not undelivered");
        }
        String address = address(email).orElseThrow(() -> new IllegalArgumentException("not an e-mail address"));
        Recipient to = new Recipient(
                first.recipientRole(),
                first.recipientParty(),
                first.recipientName(),
                address,
                Locale.forLanguageTag(first.language()));
        UUID id = write(
                first.caseId(),
                to,
                Locale.forLanguageTag(first.language()),
                first.kind(),
                first.model(),
                first.opens(),
                first.links(),
                first.id(),
                moderator);
        return store.find(id).orElseThrow().view();
    }

    /**
     * A moderator reached the recipient another way and records when the letter reached them; periods that run from
     * delivery run from {@code at}.
     *
     * @throws LetterStateException     the letter was already delivered
     * @throws IllegalArgumentException {@code at} lies in the future or before the letter was written
     */
    @Transactional
    public LetterView confirmDelivery(String letterId, Instant at, String how, String moderator) {
        StoredLetter letter = require(letterId);
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        if (when.isAfter(now) || when.isBefore(letter.createdAt())) {
            throw new IllegalArgumentException("the delivery time must lie between the letter's writing and now");
        }
        if (!progress.delivered(
                letter,
                DeliveryBasis.CONFIRMED,
                when,
                moderator,
                how,
                LetterStatus.QUEUED,
                LetterStatus.SENT,
                LetterStatus.BOUNCED,
                LetterStatus.FAILED,
                LetterStatus.NOT_SENT)) {
            throw new LetterStateException("letter " + letterId + " was already delivered");
        }
        return store.find(letter.id()).orElseThrow().view();
    }

    private UUID write(
            UUID caseId,
            Recipient to,
            Locale language,
            LetterKind kind,
            Map<String, Object> model,
            String opens,
            List<LetterLink> links,
            UUID resentFrom,
            String actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Optional<String> email = address(to.email());
        LetterRenderer.Rendered text = renderer.render(
                kind, language, caseId.toString(), model, opens == null ? null : receipts.url(id), links);
        String messageId = "<" + id + "@" + messageIdDomain + ">";
        store.insert(new StoredLetter(
                id,
                caseId,
                kind,
                to.role(),
                to.party(),
                to.name(),
                email.orElse(null),
                language.toLanguageTag(),
                text.subject(),
                text.body(),
                links,
                model,
                opens,
                messageId,
                email.isPresent() ? LetterStatus.QUEUED : LetterStatus.NOT_SENT,
                0,
                email.isPresent() ? now : null,
                null,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                resentFrom));
        events.publishEvent(new LetterQueued(
                UUID.randomUUID(),
                now,
                caseId.toString(),
                actor,
                id.toString(),
                kind.name(),
                to.role().name(),
                email.orElse(null),
                language.toLanguageTag(),
                messageId,
                text.subject(),
                sha256(text.body())));
        return id;
    }

    /** A syntactically valid address, or none: a letter to no address is kept on the case, not sent. */
    private static Optional<String> address(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(email.strip(), true);
            address.validate();
            return Optional.of(address.getAddress());
        } catch (AddressException notAnAddress) {
            return Optional.empty();
        }
    }

    private StoredLetter require(String letterId) {
        return uuid(letterId).flatMap(store::find).orElseThrow(() -> new LetterNotFoundException(letterId));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
