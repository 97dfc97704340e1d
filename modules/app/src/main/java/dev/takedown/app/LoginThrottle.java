package dev.takedown.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without locking anyone out for good: after {@code free-attempts} failures for a user name
 * (known or not) or from an address, each further attempt must wait twice as long as the last, up to
 * {@code max-delay}; a success clears the record. Counts are per node, which bounds a distributed attack by the
 * number of nodes.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant retryAfter) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int freeAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Clock clock;

    LoginThrottle(
            @Value("${takedown.security.login-throttle.free-attempts:5}") int freeAttempts,
            @Value("${takedown.security.login-throttle.base-delay:PT1S}") Duration baseDelay,
            @Value("${takedown.security.login-throttle.max-delay:PT15M}") Duration maxDelay,
            Clock clock) {
        this.freeAttempts = freeAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** Whether an attempt may be checked now; a refused attempt gets the same answer as a wrong password. */
    public boolean allows(String username, String address) {
        Instant now = clock.instant();
        return keys(username, address).stream()
                .map(failures::get)
                .allMatch(f -> f == null || f.retryAfter() == null || !now.isBefore(f.retryAfter()));
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            failures.merge(
                    key,
                    new Failures(1, delayAfter(1, now)),
                    (old, one) -> new Failures(old.count() + 1, delayAfter(old.count() + 1, now)));
        }
    }

    public void succeeded(String username, String address) {
        keys(username, address).forEach(failures::remove);
    }

    private Instant delayAfter(int count, Instant now) {
        if (count <= freeAttempts) {
            return null;
        }
        int doublings = Math.min(count - freeAttempts - 1, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    private static List<String> keys(String username, String address) {
        String user = "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
        return address == null ? List.of(user) : List.of(user, "address:" + address);
    }
}
