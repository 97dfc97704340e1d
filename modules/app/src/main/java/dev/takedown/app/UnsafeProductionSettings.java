package dev.takedown.app;

import java.util.List;
import java.util.stream.Collectors;

/** Production settings that must not run: each names the setting and how to fix it. */
public class UnsafeProductionSettings extends RuntimeException {

    /** One unsafe setting, and what to do about it. */
    public record Finding(String setting, String problem, String fix) {

        @Override
        public String toString() {
            return setting + ": " + problem + " → " + fix;
        }
    }

    private final transient List<Finding> findings;

    public UnsafeProductionSettings(List<Finding> findings) {
        super("Refusing to start in production with unsafe settings (no local, test or demo profile is active):\n"
                + findings.stream().map(f -> "  - " + f).collect(Collectors.joining("\n")));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
