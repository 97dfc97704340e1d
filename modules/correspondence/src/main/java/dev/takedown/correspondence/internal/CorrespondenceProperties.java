package dev.takedown.correspondence.internal;

import dev.takedown.correspondence.LetterKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.correspondence.*}: who letters come from, where bounces go, when a letter counts as delivered
 * without a receipt, how often sending is retried, and the bounce mailbox (docs/operations.md).
 */
@ConfigurationProperties("takedown.correspondence")
public class CorrespondenceProperties {

    /** The From header, e.g. {@code Takedown <notices@platform.example>}. */
    private String from = "Takedown <noreply@takedown.localhost>";

    /** The envelope sender (Return-Path): delivery status notifications come back to this mailbox. */
    private String bounceAddress = "";

    /** The right-hand side of every Message-ID; empty: the host of {@code takedown.public-base-url}. */
    private String messageIdDomain = "";

    private final DeemedDelivery deemedDelivery = new DeemedDelivery();
    private final Retry retry = new Retry();
    private final Bounces bounces = new Bounces();
    private final Accounts accounts = new Accounts();

    /** How often queued letters that are due are sent (each letter is also tried right after its transaction). */
    private Duration dispatchInterval = Duration.ofSeconds(10);

    /** How often sent letters are checked for deemed delivery. */
    private Duration deemedInterval = Duration.ofMinutes(1);

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getBounceAddress() {
        return bounceAddress;
    }

    public void setBounceAddress(String bounceAddress) {
        this.bounceAddress = bounceAddress;
    }

    public String getMessageIdDomain() {
        return messageIdDomain;
    }

    public void setMessageIdDomain(String messageIdDomain) {
        this.messageIdDomain = messageIdDomain;
    }

    public DeemedDelivery getDeemedDelivery() {
        return deemedDelivery;
    }

    public Retry getRetry() {
        return retry;
    }

    public Bounces getBounces() {
        return bounces;
    }

    public Accounts getAccounts() {
        return accounts;
    }

    public Duration getDispatchInterval() {
        return dispatchInterval;
    }

    public void setDispatchInterval(Duration dispatchInterval) {
        this.dispatchInterval = dispatchInterval;
    }

    public Duration getDeemedInterval() {
        return deemedInterval;
    }

    public void setDeemedInterval(Duration deemedInterval) {
        this.deemedInterval = deemedInterval;
    }

    /**
     * A letter without a receipt counts as delivered this long after the mail server accepted it, unless it bounced
     * first: {@code defaultAfter} for every kind, {@code kinds.<KIND>} for one; {@code PT0S} means on acceptance.
     */
    public static class DeemedDelivery {

        private Duration defaultAfter = Duration.ofHours(24);
        private final Map<LetterKind, Duration> kinds = new EnumMap<>(LetterKind.class);

        public Duration getDefaultAfter() {
            return defaultAfter;
        }

        public void setDefaultAfter(Duration defaultAfter) {
            this.defaultAfter = defaultAfter;
        }

        public Map<LetterKind, Duration> getKinds() {
            return kinds;
        }

        public Duration after(LetterKind kind) {
            return kinds.getOrDefault(kind, defaultAfter);
        }
    }

    /**
     * Transient failures (no connection, 4xx answers) are retried after {@code firstDelay}, doubling up to
     * {@code maxDelay}; after {@code maxAttempts} attempts the letter is FAILED.
     */
    public static class Retry {

        private int maxAttempts = 6;
        private Duration firstDelay = Duration.ofMinutes(1);
        private Duration maxDelay = Duration.ofHours(1);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getFirstDelay() {
            return firstDelay;
        }

        public void setFirstDelay(Duration firstDelay) {
            this.firstDelay = firstDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /** The wait after the {@code attempt}-th failure (1-based). */
        public Duration delayAfter(int attempt) {
            Duration delay = firstDelay;
            for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** The mailbox that receives delivery status notifications, read over IMAP; off while {@code host} is empty. */
    public static class Bounces {

        private String host = "";
        private int port = 993;
        /** {@code imaps} or {@code imap}. */
        private String protocol = "imaps";

        private String username = "";
        private String password = "";
        private String folder = "INBOX";
        private Duration interval = Duration.ofMinutes(1);

        public boolean enabled() {
            return host != null && !host.isBlank();
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getProtocol() {
            return protocol;
        }

        public void setProtocol(String protocol) {
            this.protocol = protocol;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getFolder() {
            return folder;
        }

        public void setFolder(String folder) {
            this.folder = folder;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /**
     * Uploaders' addresses by platform account: {@code addresses.<account>} for one account, else {@code pattern}
     * with {@code {account}} replaced (e.g. {@code {account}@users.platform.example}); empty: unknown.
     */
    public static class Accounts {

        private String pattern = "";
        private final Map<String, String> addresses = new LinkedHashMap<>();

        public String getPattern() {
            return pattern;
        }

        public void setPattern(String pattern) {
            this.pattern = pattern;
        }

        public Map<String, String> getAddresses() {
            return addresses;
        }
    }
}
