@ApplicationModule(allowedDependencies = {})
package dev.takedownfixture.undeclared.delta;

import org.springframework.modulith.ApplicationModule;
