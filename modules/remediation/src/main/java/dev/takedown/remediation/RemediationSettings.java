package dev.takedown.remediation;

import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.TargetType;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.remediation.*}.
 *
 * @param due                 how long the model owner has to remedy and pass verification before compliance is
 *                            alerted
 * @param replayWait          how long the process waits for a replay after a change before it looks again
 * @param wideningReviewDue   how long a moderator has to approve or refuse a change that widens a filter before the
 *                            senior moderators are alerted
 * @param maxBenignBlockShare the largest share (0–1) of the benign prompt corpus an added term may block; a broader
 *                            term is refused before any moderator sees it
 * @param owners              who must remedy a case: the owner of the model or service its targets name
 */
@ConfigurationProperties("takedown.remediation")
public record RemediationSettings(
        Duration due, Duration replayWait, Duration wideningReviewDue, Double maxBenignBlockShare, Owners owners) {

    public RemediationSettings {
        due = due == null ? Duration.ofDays(15) : due;
        replayWait = replayWait == null ? Duration.ofSeconds(5) : replayWait;
        wideningReviewDue = wideningReviewDue == null ? Duration.ofHours(24) : wideningReviewDue;
        maxBenignBlockShare = maxBenignBlockShare == null ? 0.005 : maxBenignBlockShare;
        if (maxBenignBlockShare < 0 || maxBenignBlockShare > 1) {
            throw new IllegalArgumentException(
                    "takedown.remediation.max-benign-block-share is a share from 0 to 1, not " + maxBenignBlockShare);
        }
        owners = owners == null ? new Owners(null, null, null) : owners;
    }

    /**
     * The owner registry ({@code takedown.remediation.owners.*}): organisation ids by model id and by generation
     * service host, and the owner of everything else. A service host also covers its subdomains.
     *
     * @param defaultOwner owner of a case whose targets name no registered model or service
     * @param models       model id (a MODEL or LORA target's {@code model_id}) → owner organisation
     * @param services     host of a GENERATED_OUTPUT or PROMPT_PATTERN target's URL → owner organisation
     */
    public record Owners(String defaultOwner, Map<String, String> models, Map<String, String> services) {

        private static final Set<TargetType> MODEL_TYPES = Set.of(TargetType.MODEL, TargetType.LORA);
        private static final Set<TargetType> SERVICE_TYPES =
                Set.of(TargetType.GENERATED_OUTPUT, TargetType.PROMPT_PATTERN);

        public Owners {
            defaultOwner = defaultOwner == null || defaultOwner.isBlank() ? "org-platform" : defaultOwner.strip();
            models = models == null ? Map.of() : Map.copyOf(models);
            services = services == null ? Map.of() : lowerCaseKeys(services);
        }

        /** The owner of the first target, in the notice's order, that names a registered model or service. */
        public String ownerOf(List<CaseTarget> targets) {
            for (CaseTarget target : targets) {
                String owner = null;
                if (MODEL_TYPES.contains(target.type()) && target.modelId() != null) {
                    owner = models.get(target.modelId().strip());
                } else if (SERVICE_TYPES.contains(target.type())) {
                    owner = serviceOwner(target.url());
                }
                if (owner != null) {
                    return owner;
                }
            }
            return defaultOwner;
        }

        private String serviceOwner(String url) {
            String host;
            try {
                host = url == null ? null : URI.create(url.strip()).getHost();
            } catch (IllegalArgumentException notAUri) {
                return null;
            }
            for (String name = host == null ? null : host.toLowerCase(Locale.ROOT);
                    name != null;
                    name = name.contains(".") ? name.substring(name.indexOf('.') + 1) : null) {
                String owner = services.get(name);
                if (owner != null) {
                    return owner;
                }
            }
            return null;
        }

        private static Map<String, String> lowerCaseKeys(Map<String, String> services) {
            Map<String, String> lower = new HashMap<>();
            services.forEach((host, owner) -> lower.put(host.strip().toLowerCase(Locale.ROOT), owner));
            return Map.copyOf(lower);
        }
    }
}
