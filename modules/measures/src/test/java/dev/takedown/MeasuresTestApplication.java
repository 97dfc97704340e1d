package dev.takedown;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the measures module's tests start from: in the base package, as the real one, so that
 * {@code @ApplicationModuleTest} finds the same modules and bootstraps the measures module alone.
 */
@SpringBootApplication
public class MeasuresTestApplication {}
