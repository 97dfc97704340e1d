package dev.takedown;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the correspondence module's tests start from: in the base package, as the real one, so that
 * {@code @ApplicationModuleTest} finds the same modules and bootstraps the correspondence module alone.
 */
@SpringBootApplication
public class CorrespondenceTestApplication {}
