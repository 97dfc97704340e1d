package dev.takedown.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that stands still until the test moves it, so that every recorded time can be asserted exactly. A
 * module test declares it as its {@code Clock} bean in its own configuration: a Modulith module test scans only its
 * module's package, so a shared configuration here would not be found.
 */
public final class MovingClock extends Clock {

    /** Read by the application's threads (listeners, schedulers) while the test thread moves it. */
    private volatile Instant now;

    public MovingClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward and returns the new time. */
    public Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Only UTC: a clock in another zone would need its own moving state. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("a MovingClock runs in UTC, not " + zone);
        }
        return this;
    }
}
