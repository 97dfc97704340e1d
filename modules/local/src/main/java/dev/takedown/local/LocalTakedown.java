package dev.takedown.local;

import dev.takedown.TakedownApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
        // statements of reasons go to a stand-in of the Commission's API; the transparency page previews them
        LocalTransparencyDatabase transparencyDatabase = LocalTransparencyDatabase.start();
        Map<String, Object> properties = new HashMap<>(infrastructure.properties());
        properties.put("takedown.audit.tdb.url", transparencyDatabase.url());
        properties.put("takedown.audit.tdb.token", LocalTransparencyDatabase.TOKEN);
        SpringApplication application = new SpringApplication(TakedownApplication.class);
        application.setAdditionalProfiles("local");
        application.setDefaultProperties(properties);
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
            transparencyDatabase.close();
            throw failedToStart;
        }
        LoggerFactory.getLogger(LocalTakedown.class)
                .info(
                        "Takedown is up on http://localhost:{}; Kafka for external clients at {}; the Transparency"
                                + " Database stand-in at {}",
                        context.getEnvironment().getProperty("local.server.port"),
                        infrastructure.kafkaBootstrapServers(),
                        transparencyDatabase.url());
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            context.close();
                            infrastructure.close();
                            transparencyDatabase.close();
                        },
                        "takedown-local-shutdown"));
    }
}
