package dev.takedownfixture.undeclared.gamma;

public class Gamma {}
