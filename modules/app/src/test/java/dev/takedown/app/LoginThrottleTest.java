package dev.takedown.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.takedown.testing.MovingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The delay ladder and the rule that a wrong guess never locks the owner out, on a clock the test moves. */
class LoginThrottleTest {

    private static final String HOME = "198.51.100.10";
    private static final String ATTACKER = "203.0.113.66";

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-27T09:00:00Z"));

    private LoginThrottle throttle(long maxEntries) {
        return new LoginThrottle(
                5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), maxEntries, clock);
    }

    @Test
    void fiveFreeFailuresThenDelaysDoubleUpToTheCap() {
        LoginThrottle throttle = throttle(1000);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.allows("admin", ATTACKER)).isTrue();
            throttle.failed("admin", ATTACKER);
        }
        assertThat(throttle.allows("admin", ATTACKER))
                .as("five failures are free")
                .isTrue();

        // the 6th failure waits 1 s, the 7th 2 s, the 8th 4 s, ...
        long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
        for (long seconds : expectedSeconds) {
            throttle.failed("admin", ATTACKER);
            clock.advance(Duration.ofSeconds(seconds).minusMillis(1));
            assertThat(throttle.allows("admin", ATTACKER))
                    .as("still waiting 1 ms before %d s", seconds)
                    .isFalse();
            clock.advance(Duration.ofMillis(1));
            assertThat(throttle.allows("admin", ATTACKER))
                    .as("free after %d s", seconds)
                    .isTrue();
        }
    }

    @Test
    void theCorrectPasswordSignsInOnceTheDelayHasPassedNeverBefore() {
        LoginThrottle throttle = throttle(1000);
        AuthenticationProvider passwords = mock(AuthenticationProvider.class);
        when(passwords.authenticate(any())).thenAnswer(invocation -> {
            Authentication attempt = invocation.getArgument(0);
            if (!"right".equals(attempt.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, java.util.List.of());
        });
        ThrottledAuthentication authentication = new ThrottledAuthentication(passwords, throttle);

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThatThrownBy(() -> authentication.authenticate(attempt("admin", "guess", HOME)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // delayed now: even the right password is refused unchecked, with the same answer
        assertThatThrownBy(() -> authentication.authenticate(attempt("admin", "right", HOME)))
                .isInstanceOf(BadCredentialsException.class);

        clock.advance(Duration.ofMinutes(15));
        assertThat(authentication.authenticate(attempt("admin", "right", HOME)).isAuthenticated())
                .as("after at most max-delay the owner gets in")
                .isTrue();
        assertThat(throttle.allows("admin", HOME))
                .as("a success clears the record")
                .isTrue();
        throttle.failed("admin", HOME);
        assertThat(throttle.allows("admin", HOME))
                .as("and the free attempts are back")
                .isTrue();
    }

    @Test
    void aGuesserElsewhereNeverDelaysTheOwner() {
        LoginThrottle throttle = throttle(1000);
        // one guess every 15 minutes for a day
        for (int i = 0; i < 96; i++) {
            throttle.failed("admin", ATTACKER);
            clock.advance(Duration.ofMinutes(15));
        }
        throttle.failed("admin", ATTACKER);
        assertThat(throttle.allows("admin", ATTACKER)).isFalse();
        assertThat(throttle.allows("ADMIN ", HOME))
                .as("names compare case- and space-insensitively")
                .isTrue();
        assertThat(throttle.allows("admin", HOME)).isTrue();
        assertThat(throttle.allows("someone-else", ATTACKER))
                .as("counted per name and source")
                .isTrue();
    }

    @Test
    void memoryIsBoundedAndRecordsAreForgotten() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 5000; i++) {
            throttle.failed("user-" + i, "192.0.2." + (i % 250));
        }
        assertThat(throttle.remembered()).isLessThanOrEqualTo(100);

        LoginThrottle forgetting = throttle(1000);
        for (int i = 0; i < 8; i++) {
            forgetting.failed("admin", ATTACKER);
        }
        assertThat(forgetting.remembered()).isEqualTo(1);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(forgetting.remembered()).as("an hour after the last failure").isZero();
    }

    @Test
    void forgettingBeforeTheLongestDelayIsRefused() {
        assertThatThrownBy(() -> new LoginThrottle(
                        5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(5), 1000, clock))
                .hasMessageContaining("forget-after");
    }

    private static UsernamePasswordAuthenticationToken attempt(String user, String password, String address) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }
}
