package dev.takedownfixture.reach;

import org.springframework.modulith.Modulithic;

/** Two modules, one of which reaches into the other's {@code internal} package. */
@Modulithic
public class ReachApplication {}
