package dev.takedown.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What one process of the Takedown artifact runs: the whole application, a screening node that rebuilds its index
 * from Kafka and never opens the database, or an audit node that keeps the ledger. Chosen by {@code --takedown.role=…} or the {@code TAKEDOWN_ROLE}
 * environment variable.
 */
public enum NodeRole {

    APP(null),
    SCREENING(ScreeningNode.class),
    AUDIT(AuditNode.class);

    private final Class<?> source;

    NodeRole(Class<?> source) {
        this.source = source;
    }

    /** The configuration class to run, or null for the full application. */
    public Class<?> source() {
        return source;
    }

    public String profile() {
        return name().toLowerCase(Locale.ROOT) + "-node";
    }

    public static NodeRole of(String[] args, Map<String, String> environment) {
        String chosen = Arrays.stream(args).filter(a -> a.startsWith("--takedown.role="))
                .map(a -> a.substring("--takedown.role=".length())).findFirst()
                .orElse(environment.getOrDefault("TAKEDOWN_ROLE", "app"));
        try {
            return valueOf(chosen.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("takedown.role must be one of " + Arrays.toString(values())
                    + ", not '" + chosen + "'");
        }
    }
}
