package dev.takedown.local;

import dev.takedown.TakedownApplication;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-command local system: {@code ./mvnw -pl modules/local -am spring-boot:run}. Data lives in
 * {@code .data/postgres} under the working directory (git-ignored), so cases survive a restart.
 */
public final class LocalTakedown {

    private LocalTakedown() {}

    public static void main(String[] args) {
        LocalInfrastructure infrastructure =
                LocalInfrastructure.start(Path.of(System.getProperty("takedown.local.data", ".data/postgres")), 54329);
        SpringApplication application = new SpringApplication(TakedownApplication.class);
        application.setAdditionalProfiles("local");
        application.setDefaultProperties(infrastructure.properties());
        // the mailbox page (local profile) reads what the embedded mail server received
        application.addInitializers(
                context -> context.getBeanFactory().registerSingleton("localMail", infrastructure.mail()));
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException failedToStart) {
            // otherwise PostgreSQL keeps running and holds the data folder's lock for the next start
            infrastructure.close();
            throw failedToStart;
        }
        LoggerFactory.getLogger(LocalTakedown.class)
                .info(
                        "Takedown is up on http://localhost:{}; Kafka for external " + "clients at {}",
                        context.getEnvironment().getProperty("local.server.port"),
                        infrastructure.kafkaBootstrapServers());
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            context.close();
                            infrastructure.close();
                        },
                        "takedown-local-shutdown"));
    }
}
