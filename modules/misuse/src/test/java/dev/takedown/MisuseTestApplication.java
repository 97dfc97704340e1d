package dev.takedown;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the misuse module's tests bootstrap it from: {@code @ApplicationModuleTest} looks for one in a
 * parent package and starts only the module under test (the real one lives in modules/app).
 */
@SpringBootApplication
public class MisuseTestApplication {}
