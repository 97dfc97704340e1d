package dev.takedownfixture.undeclared.delta;

import dev.takedownfixture.undeclared.gamma.Gamma;

public class Delta {

    final Gamma gamma = new Gamma();
}
