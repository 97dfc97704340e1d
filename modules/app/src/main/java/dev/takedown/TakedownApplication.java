package dev.takedown;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** Takedown: every capability module under {@code dev.takedown.*} assembled into one deployable. */
@SpringBootApplication
@EnableAsync
public class TakedownApplication {

    public static void main(String[] args) {
        SpringApplication.run(TakedownApplication.class, args);
    }
}
