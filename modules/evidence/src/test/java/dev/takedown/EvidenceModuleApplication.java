package dev.takedown;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * What the evidence module's tests boot: {@code @ApplicationModuleTest} finds it above the module's package and starts
 * the module alone (the main application lives in modules/app, which this module cannot see).
 */
@SpringBootApplication
class EvidenceModuleApplication {}
