package dev.takedownfixture.undeclared;

import org.springframework.modulith.Modulithic;

/** Two modules, one of which uses the other's API without declaring the dependency. */
@Modulithic
public class UndeclaredApplication {}
