package dev.takedown.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without locking anyone out: failures are counted per user name (known or not) and source
 * address, so a guesser elsewhere never delays the owner. After {@code free-attempts} failures each further failure
 * makes that pair wait twice as long as the last time, up to {@code max-delay}. While the pair waits, attempts are
 * refused unchecked (the same answer as a wrong password); once the wait is over, the correct password signs in and
 * clears the record, so at worst the owner waits {@code max-delay}, never for good. The source is the client address
 * {@link TrustedProxies} settled on. Records live in a bounded cache ({@code max-entries}) and expire
 * {@code forget-after} their last failure; counts are per node, which bounds a distributed attack by the number of
 * nodes.
 */
@Component
public class LoginThrottle {

    /** Whose attempts are counted together. */
    record Source(String username, String address) {

        static Source of(String username, String address) {
            return new Source(
                    username == null ? "" : username.strip().toLowerCase(Locale.ROOT), address == null ? "" : address);
        }
    }

    private record Failures(int count, Instant retryAfter) {}

    private final Cache<Source, Failures> failures;
    private final int freeAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Clock clock;

    LoginThrottle(
            @Value("${takedown.security.login-throttle.free-attempts:5}") int freeAttempts,
            @Value("${takedown.security.login-throttle.base-delay:PT1S}") Duration baseDelay,
            @Value("${takedown.security.login-throttle.max-delay:PT15M}") Duration maxDelay,
            @Value("${takedown.security.login-throttle.forget-after:PT1H}") Duration forgetAfter,
            @Value("${takedown.security.login-throttle.max-entries:100000}") long maxEntries,
            Clock clock) {
        if (forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException(
                    "takedown.security.login-throttle.forget-after must be at least max-delay (" + maxDelay + ")");
        }
        this.freeAttempts = freeAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(forgetAfter)
                // expiry follows the same clock as the delays
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /** Whether an attempt may be checked now; a refused attempt gets the same answer as a wrong password. */
    public boolean allows(String username, String address) {
        Failures recorded = failures.getIfPresent(Source.of(username, address));
        return recorded == null
                || recorded.retryAfter() == null
                || !clock.instant().isBefore(recorded.retryAfter());
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        failures.asMap()
                .merge(
                        Source.of(username, address),
                        new Failures(1, delayAfter(1, now)),
                        (old, one) -> new Failures(old.count() + 1, delayAfter(old.count() + 1, now)));
    }

    public void succeeded(String username, String address) {
        failures.invalidate(Source.of(username, address));
    }

    /** Pairs currently remembered, after pending evictions: never more than {@code max-entries}. */
    long remembered() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private Instant delayAfter(int count, Instant now) {
        if (count <= freeAttempts) {
            return null;
        }
        int doublings = Math.min(count - freeAttempts - 1, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
