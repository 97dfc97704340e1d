package dev.takedown.app;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the unsafe settings as Spring Boot's "APPLICATION FAILED TO START" report: each setting, then its fix. */
class UnsafeProductionSettingsAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable root, UnsafeProductionSettings cause) {
        return new FailureAnalysis(
                "Unsafe production settings (no local, test or demo profile is active):\n"
                        + cause.findings().stream()
                                .map(f -> "  - " + f.setting() + ": " + f.problem())
                                .collect(Collectors.joining("\n")),
                cause.findings().stream()
                        .map(f -> "  - " + f.setting() + ": " + f.fix())
                        .collect(Collectors.joining("\n")),
                cause);
    }
}
