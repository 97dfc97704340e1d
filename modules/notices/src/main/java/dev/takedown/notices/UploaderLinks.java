package dev.takedown.notices;

import dev.takedown.events.UploaderLinksRevoked;
import dev.takedown.notices.UploaderLinkRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links that let an uploader (who has no account) read the forwarded notice and answer it, one per
 * {@link UploaderLinkPurpose}. The token is {@code linkId.HMAC(linkId)}; the link's row (table {@code uploader_link})
 * says which case it opens, for what, until when, and whether staff revoked it. Each expires with the window it serves
 * ({@link #expiry}). Tokens of the earlier form {@code caseId.expiry.HMAC}, already sent in letters, still open their
 * case for every purpose until they expire; they cannot be revoked.
 */
@Service
public class UploaderLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Duration viewValidity;
    private final Period counterNoticeWindow;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UploaderLinks(
            @Value("${takedown.links.secret}") String secret,
            @Value("${takedown.links.validity:P200D}") Duration viewValidity,
            @Value("${takedown.links.counter-notice-window:P6M}") Period counterNoticeWindow,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("takedown.links.secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.viewValidity = viewValidity;
        this.counterNoticeWindow = counterNoticeWindow;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Until when a link of this purpose serves a case whose decision was notified at {@code notifiedAt}; empty when
     * the case's law gives the uploader no such step (no counter-notice under the DSA).
     *
     * <ul>
     *   <li>{@code VIEW}: {@code takedown.links.validity} (P200D) from the notification;
     *   <li>{@code COUNTER_NOTICE}: {@code takedown.links.counter-notice-window} (P6M) from the notification, to the
     *       end of the corresponding day anywhere, for the CN and US families;
     *   <li>{@code APPEAL}: the end of the DSA Art. 20(1) window of that decision ({@link CaseTimers}).
     * </ul>
     */
    public Optional<Instant> expiry(
            UploaderLinkPurpose purpose,
            JurisdictionProfile profile,
            ProfilePolicies.Policy policy,
            Instant notifiedAt) {
        return switch (purpose) {
            case VIEW -> Optional.of(notifiedAt.plus(viewValidity));
            case COUNTER_NOTICE ->
                profile.family() == JurisdictionProfile.Family.EU
                        ? Optional.empty()
                        : Optional.of(ComplaintPeriods.end(notifiedAt, counterNoticeWindow, ComplaintPeriods.ANY_ZONE));
            case APPEAL ->
                Optional.of(ComplaintPeriods.end(notifiedAt, policy.appealWindow(), ComplaintPeriods.ANY_ZONE));
        };
    }

    /** Issues a link of each purpose the case's law has, expiring with its window; returns the VIEW link's token. */
    @Transactional
    public String issueAll(
            String caseId, JurisdictionProfile profile, ProfilePolicies.Policy policy, Instant notifiedAt) {
        String view = null;
        for (UploaderLinkPurpose purpose : UploaderLinkPurpose.values()) {
            Optional<Instant> expires = expiry(purpose, profile, policy, notifiedAt);
            if (expires.isPresent()) {
                String token = issue(caseId, purpose, expires.get());
                if (purpose == UploaderLinkPurpose.VIEW) {
                    view = token;
                }
            }
        }
        return view;
    }

    /** A new link for one purpose of a case, valid until {@code expiresAt}. */
    @Transactional
    public String issue(String caseId, UploaderLinkPurpose purpose, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into uploader_link (id, case_id, purpose, issued_at, expires_at) values (?, ?, ?, ?, ?)",
                id,
                UUID.fromString(caseId),
                purpose.name(),
                Timestamp.from(clock.instant()),
                Timestamp.from(expiresAt));
        return token(id);
    }

    /**
     * The case a token opens for {@code purpose}; empty when the token is not one of ours (forged, changed,
     * mistyped: the caller answers as for an unknown case).
     *
     * @throws UploaderLinkRefusedException when the link is genuine but expired, revoked or for another purpose
     */
    public Optional<String> caseFor(String token, UploaderLinkPurpose purpose) {
        return check(token, Set.of(purpose));
    }

    /** The case a token opens for reading: every purpose includes reading the notice it answers. */
    public Optional<String> caseToRead(String token) {
        return check(token, EnumSet.allOf(UploaderLinkPurpose.class));
    }

    /** The current token of the case's newest link for {@code purpose}, if one is neither expired nor revoked. */
    public Optional<String> current(String caseId, UploaderLinkPurpose purpose) {
        return jdbc
                .query(
                        "select id from uploader_link where case_id = ? and purpose = ? and revoked_at is null"
                                + " and expires_at > ? order by issued_at desc limit 1",
                        (rs, i) -> rs.getObject("id", UUID.class),
                        UUID.fromString(caseId),
                        purpose.name(),
                        Timestamp.from(clock.instant()))
                .stream()
                .findFirst()
                .map(this::token);
    }

    /**
     * The token to answer with for {@code purpose}, for a page opened with {@code openedWith}: the case's current link
     * of that purpose, or the earlier form's token itself, which serves every purpose.
     */
    public Optional<String> answerWith(String openedWith, String caseId, UploaderLinkPurpose purpose) {
        return openedWith.indexOf('.') != openedWith.lastIndexOf('.')
                ? Optional.of(openedWith)
                : current(caseId, purpose);
    }

    /**
     * Staff withdraw the case's links of these purposes (all when empty), with a reason, as a ledger fact
     * ({@link UploaderLinksRevoked}). Returns how many links it revoked; links already revoked keep their first
     * revocation.
     */
    @Transactional
    public int revoke(String caseId, Set<UploaderLinkPurpose> purposes, String actor, String reason) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException notAnId) {
            throw new CaseNotFoundException(caseId);
        }
        Integer cases = jdbc.queryForObject("select count(*) from notice where id = ?", Integer.class, id);
        if (cases == null || cases == 0) {
            throw new CaseNotFoundException(caseId);
        }
        Set<UploaderLinkPurpose> which =
                purposes.isEmpty() ? EnumSet.allOf(UploaderLinkPurpose.class) : EnumSet.copyOf(purposes);
        Instant now = clock.instant();
        int revoked = 0;
        for (UploaderLinkPurpose purpose : which) {
            revoked += jdbc.update(
                    "update uploader_link set revoked_at = ?, revoked_by = ?, revocation_reason = ?"
                            + " where case_id = ? and purpose = ? and revoked_at is null",
                    Timestamp.from(now),
                    actor,
                    reason,
                    id,
                    purpose.name());
        }
        events.publishEvent(new UploaderLinksRevoked(
                UUID.randomUUID(),
                now,
                caseId,
                actor,
                which.stream().map(Enum::name).sorted().toList(),
                revoked,
                reason));
        return revoked;
    }

    private Optional<String> check(String token, Set<UploaderLinkPurpose> allowed) {
        if (token == null) {
            return Optional.empty();
        }
        int first = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (first <= 0) {
            return Optional.empty();
        }
        if (first != last) {
            return legacy(token, first, last);
        }
        UUID id;
        try {
            id = UUID.fromString(token.substring(0, first));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(
                token(id).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        List<Link> links = jdbc.query(
                "select case_id, purpose, expires_at, revoked_at from uploader_link where id = ?",
                (rs, i) -> new Link(
                        rs.getObject("case_id", UUID.class).toString(),
                        UploaderLinkPurpose.valueOf(rs.getString("purpose")),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("revoked_at") != null),
                id);
        if (links.isEmpty()) {
            return Optional.empty();
        }
        Link link = links.get(0);
        if (link.revoked()) {
            throw new UploaderLinkRefusedException(
                    Reason.REVOKED, "This link was withdrawn. Use the latest message we sent you, or contact us.");
        }
        if (!link.expiresAt().isAfter(clock.instant())) {
            throw new UploaderLinkRefusedException(
                    Reason.EXPIRED, "This link served until " + link.expiresAt() + " and has expired.");
        }
        if (!allowed.contains(link.purpose())) {
            throw new UploaderLinkRefusedException(
                    Reason.WRONG_PURPOSE,
                    "This link is for "
                            + link.purpose().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " only.");
        }
        return Optional.of(link.caseId());
    }

    /** A token of the earlier form {@code caseId.expiry.HMAC}: every purpose, until it expires. */
    private Optional<String> legacy(String token, int first, int last) {
        String payload = token.substring(0, last);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        try {
            long expiry = Long.parseLong(token.substring(first + 1, last));
            return Instant.ofEpochSecond(expiry).isAfter(clock.instant())
                    ? Optional.of(token.substring(0, first))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String token(UUID id) {
        // "link:" keeps these signatures apart from the earlier tokens' payloads
        return id + "." + sign("link:" + id);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Link(String caseId, UploaderLinkPurpose purpose, Instant expiresAt, boolean revoked) {}
}
