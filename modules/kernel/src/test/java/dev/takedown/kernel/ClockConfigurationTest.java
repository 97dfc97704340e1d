package dev.takedown.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ClockConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClockConfiguration.class));

    @Test
    void isAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(ClockConfiguration.class.getName());
    }

    @Test
    void theSystemClockInUtcByDefault() {
        context.run(c -> assertThat(c.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC));
    }

    @Test
    void aClockOfTheApplicationReplacesIt() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        context.withBean("fixedClock", Clock.class, () -> fixed)
                .run(c -> assertThat(c.getBean(Clock.class)).isSameAs(fixed));
    }
}
