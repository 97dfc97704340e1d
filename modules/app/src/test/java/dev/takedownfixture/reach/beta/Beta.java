package dev.takedownfixture.reach.beta;

import dev.takedownfixture.reach.alpha.internal.AlphaSecret;

public class Beta {

    final AlphaSecret secret = new AlphaSecret();
}
