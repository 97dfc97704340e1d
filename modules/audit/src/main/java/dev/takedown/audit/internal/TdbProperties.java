package dev.takedown.audit.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code takedown.audit.tdb.*}: submission of statements of reasons to the DSA Transparency Database (R17).
 *
 * @param url              the multiple-statements endpoint, e.g. {@code https://transparency.dsa.ec.europa.eu/api/v1/statements};
 *                         empty = statements are neither built nor sent
 * @param token            the platform's API token, sent as a bearer token
 * @param batchSize        statements per request; the TDB takes at most 100
 * @param interval         between runs
 * @param maxAttempts      per batch within one run, before the batch waits for the next run
 * @param initialBackoff   before the first retry; doubled for each further one
 * @param timeout          per request
 * @param settle           how long after a case's first measure its statement is built, so that every measure of the
 *                         decision has reached the ledger (they arrive on several Kafka partitions)
 * @param territorialScope ISO 3166-1 alpha-2 codes a worldwide measure is reported to restrict in (the TDB takes EU and
 *                         EEA codes only); a measure limited to some countries reports those of them in the EU or EEA
 * @param termsClause      the clause of the terms of service a notice claiming only a breach of the terms
 *                         ({@code TOS_ONLY}) is reported under ({@code incompatible_content_ground}, ≤ 500 characters)
 * @param termsUrl         where the terms are published ({@code decision_ground_reference_url}); may be empty
 */
@ConfigurationProperties("takedown.audit.tdb")
public record TdbProperties(
        String url,
        String token,
        @DefaultValue("100") int batchSize,
        @DefaultValue("PT1M") Duration interval,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT2S") Duration initialBackoff,
        @DefaultValue("PT30S") Duration timeout,
        @DefaultValue("PT5M") Duration settle,

        @DefaultValue({
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO"
        })
        List<String> territorialScope,

        String termsClause,
        String termsUrl) {

    public TdbProperties {
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("takedown.audit.tdb.batch-size must be between 1 and 100");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("takedown.audit.tdb.max-attempts must be at least 1");
        }
        territorialScope = List.copyOf(territorialScope);
    }

    public Optional<URI> endpoint() {
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url));
    }
}
