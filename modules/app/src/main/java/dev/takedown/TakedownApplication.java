package dev.takedown;

import dev.takedown.app.NodeRole;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Takedown: every capability module under {@code dev.takedown.*} assembled into one deployable. */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class TakedownApplication {

    /** Runs the whole application, or the role {@code --takedown.role} / {@code TAKEDOWN_ROLE} names. */
    public static void main(String[] args) {
        NodeRole role = NodeRole.of(args, System.getenv());
        if (role.source() == null) {
            SpringApplication.run(TakedownApplication.class, args);
        } else {
            new SpringApplicationBuilder(role.source())
                    .profiles(role.profiles())
                    .run(args);
        }
    }
}
