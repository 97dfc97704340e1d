package dev.takedown.correspondence;

import java.util.Optional;

/**
 * Where letters to a platform account go. Uploaders have no account here; the platform knows their address. The
 * configured implementation reads {@code takedown.correspondence.accounts}; a platform that looks addresses up in its
 * own user directory declares a {@code @Primary} bean of this type.
 */
public interface AccountAddresses {

    /** The account's e-mail address, if it has one. */
    Optional<String> of(String accountId);
}
