package dev.takedown.kernel;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock every module reads the time from. An auto-configuration rather than a component, so that its
 * condition is judged after every application and test configuration: one that declares its own {@link Clock} (a
 * fixed one, say) replaces this bean instead of adding a second.
 */
@AutoConfiguration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
