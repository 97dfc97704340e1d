package dev.takedown;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the notices module's tests start from: in the base package, as the real one, so that
 * {@code @ApplicationModuleTest} finds the same modules and bootstraps the notices module alone.
 */
@SpringBootApplication
public class NoticesTestApplication {}
