package dev.takedownfixture.reach.alpha;

public class Alpha {}
