package dev.takedown.local;

import dev.takedown.testing.FakeOidcProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One PostgreSQL and one broker per test JVM, shared by every cached Spring context. At JVM exit the contexts close
 * first and the infrastructure after them (registered in META-INF/spring.factories so every context is tracked).
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
    private static LocalInfrastructure infrastructure;
    private static FakeOidcProvider oidc;
    private static LocalTransparencyDatabase transparencyDatabase;

    static synchronized LocalInfrastructure get() {
        if (infrastructure == null) {
            try {
                infrastructure = LocalInfrastructure.start(Files.createTempDirectory("takedown-it-pg"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalInfrastructure started = infrastructure;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                CONTEXTS.forEach(ConfigurableApplicationContext::close);
                                started.close();
                            },
                            "takedown-test-shutdown"));
        }
        return infrastructure;
    }

    /** The OIDC issuer of the page sign-in, started before the shared context reads its metadata. */
    static synchronized FakeOidcProvider oidc() {
        if (oidc == null) {
            oidc = FakeOidcProvider.start();
            FakeOidcProvider started = oidc;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "takedown-test-oidc-shutdown"));
        }
        return oidc;
    }

    /** The stand-in of the Commission's Transparency Database API the shared context submits to, as the local stack. */
    static synchronized LocalTransparencyDatabase transparencyDatabase() {
        if (transparencyDatabase == null) {
            transparencyDatabase = LocalTransparencyDatabase.start();
            LocalTransparencyDatabase started = transparencyDatabase;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "takedown-test-tdb-shutdown"));
        }
        return transparencyDatabase;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }
}
