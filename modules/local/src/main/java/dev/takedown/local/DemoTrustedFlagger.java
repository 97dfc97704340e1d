package dev.takedown.local;

import dev.takedown.notifiers.Registries;
import dev.takedown.notifiers.TrustedFlaggerDetails;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A demo trusted flagger (DSA Art. 22) for intellectual property, bound to the demo account {@code rightsholder-b}:
 * its notices that claim the status hold it, anyone else's claim is an ordinary notice. Only in the local profile;
 * registered once, as the registries record it (a ledger fact by {@code demo}).
 */
@Component
@Profile("local")
class DemoTrustedFlagger implements ApplicationRunner {

    static final String ACCOUNT = "rightsholder-b";

    private final Registries registries;

    DemoTrustedFlagger(Registries registries) {
        this.registries = registries;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean registered = registries.trustedFlaggers().stream()
                .anyMatch(f -> !f.revoked() && f.credentials().contains(ACCOUNT));
        if (!registered) {
            registries.register(
                    new TrustedFlaggerDetails(
                            "Studio B Anti-Piracy Unit (demo trusted flagger)",
                            "Coimisiún na Meán (demo)",
                            "IE",
                            List.of("INTELLECTUAL_PROPERTY_INFRINGEMENTS"),
                            "2025-01-01",
                            null,
                            List.of(ACCOUNT)),
                    "demo");
        }
    }
}
