package dev.takedown.correspondence.internal;

import dev.takedown.correspondence.AccountAddresses;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Account addresses from {@code takedown.correspondence.accounts}: one address per account, else the pattern with
 * {@code {account}} replaced by the account id reduced to what an address's local part may hold.
 */
@Component
class ConfiguredAccountAddresses implements AccountAddresses {

    private final CorrespondenceProperties.Accounts accounts;

    ConfiguredAccountAddresses(CorrespondenceProperties properties) {
        this.accounts = properties.getAccounts();
    }

    @Override
    public Optional<String> of(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            return Optional.empty();
        }
        String listed = accounts.getAddresses().get(accountId);
        if (listed != null) {
            return Optional.of(listed);
        }
        String pattern = accounts.getPattern();
        if (pattern == null || pattern.isBlank()) {
            return Optional.empty();
        }
        String local = accountId.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return Optional.of(pattern.replace("{account}", local));
    }
}
