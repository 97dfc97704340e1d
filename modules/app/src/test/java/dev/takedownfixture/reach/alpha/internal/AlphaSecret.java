package dev.takedownfixture.reach.alpha.internal;

/** Public to Java, internal to its module. */
public class AlphaSecret {}
