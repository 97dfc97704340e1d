package dev.takedown.notices;

import dev.takedown.kernel.FieldProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The durations and switches each jurisdiction profile runs on, from {@code takedown.profiles.*} in config/. Law
 * leaves several periods open ("reasonable period", "without undue delay"); these are the platform's choices.
 *
 * @param profiles        per-profile policy; a profile missing here runs on {@link Policy#DEFAULT}
 * @param timeCompression demo only: every deadline passes this many times faster (1 in production)
 */
@ConfigurationProperties("takedown")
public record ProfilePolicies(Map<JurisdictionProfile, Policy> profiles, Integer timeCompression) {

    public ProfilePolicies {
        profiles = profiles == null || profiles.isEmpty() ? Map.of() : new EnumMap<>(profiles);
        timeCompression = timeCompression == null || timeCompression < 1 ? 1 : timeCompression;
    }

    public Policy of(JurisdictionProfile profile) {
        return profiles.getOrDefault(profile, Policy.DEFAULT);
    }

    /** Every problem of the notice under its profiles, including profiles this platform has switched off. */
    public List<FieldProblem> problems(NoticeSubmission notice) {
        List<FieldProblem> problems = new ArrayList<>(JurisdictionProfile.check(notice));
        problems.addAll(disabled(notice));
        return problems;
    }

    /** Worth curing rather than refusing: see {@link JurisdictionProfile#curable}; never under a disabled profile. */
    public boolean curable(NoticeSubmission notice) {
        return disabled(notice).isEmpty() && JurisdictionProfile.curable(notice);
    }

    private List<FieldProblem> disabled(NoticeSubmission notice) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> names = JurisdictionProfile.namesOf(notice);
        for (int i = 0; i < names.size(); i++) {
            JurisdictionProfile profile = JurisdictionProfile.byName(names.get(i));
            if (profile != null && !of(profile).enabled()) {
                problems.add(new FieldProblem(
                        "jurisdiction_profiles[" + i + "]",
                        "profile " + profile + " is not enabled on this platform (takedown.profiles." + profile
                                + ".enabled)"));
            }
        }
        return problems;
    }

    /**
     * @param enabled                 off: notices naming this profile are refused (CN_REGS_2013 is legacy law)
     * @param curePeriod              how long an incomplete notice waits to be completed (T2)
     * @param counterNoticeWaitDays   CN: calendar days from the day after delivery; US: business days after receipt
     * @param restoreImmediately      restore on a valid counter-notice without waiting (Regulations 2013 Art. 17)
     * @param appealWindow            how long decisions can be appealed after notification (DSA Art. 20: ≥ 6 months)
     */
    public record Policy(
            Boolean enabled,
            Duration curePeriod,
            Integer counterNoticeWaitDays,
            Boolean restoreImmediately,
            Duration appealWindow) {

        private static final Duration DEFAULT_CURE = Duration.ofDays(14);
        private static final Duration DEFAULT_APPEAL = Duration.ofDays(183);
        static final Policy DEFAULT = new Policy(true, DEFAULT_CURE, 15, false, DEFAULT_APPEAL);

        public Policy {
            enabled = enabled == null || enabled;
            curePeriod = curePeriod == null ? DEFAULT_CURE : curePeriod;
            counterNoticeWaitDays = counterNoticeWaitDays == null ? 15 : counterNoticeWaitDays;
            restoreImmediately = restoreImmediately != null && restoreImmediately;
            appealWindow = appealWindow == null ? DEFAULT_APPEAL : appealWindow;
            if (appealWindow.compareTo(Duration.ofDays(183)) < 0) {
                throw new IllegalArgumentException("appeal-window must be at least 6 months (DSA Art. 20(1))");
            }
        }
    }
}
