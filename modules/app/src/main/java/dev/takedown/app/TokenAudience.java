package dev.takedown.app;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A bearer token is accepted only when its {@code aud} claim names this API ({@code takedown.jwt.audience}): a token
 * the same issuer minted for another client (the portal, Keycloak's {@code account} console, another service of the
 * realm) carries the user's roles too, and must not open the API. Spring Boot adds every validator bean to the
 * auto-configured decoder, beside its signature, expiry and issuer checks.
 */
class TokenAudience implements OAuth2TokenValidator<Jwt> {

    private final String audience;

    TokenAudience(String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("takedown.jwt.audience must name the audience of API tokens");
        }
        this.audience = audience;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return token.getAudience() != null && token.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_TOKEN, "The token is not meant for " + audience + " (aud)", null));
    }
}
