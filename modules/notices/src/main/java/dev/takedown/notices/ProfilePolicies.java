package dev.takedown.notices;

import dev.takedown.kernel.FieldProblem;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The durations and switches each jurisdiction profile runs on, from {@code takedown.profiles.*} in config/. Law
 * leaves several periods open ("reasonable period", "without undue delay"); these are the platform's choices, within
 * the bounds the statutes set. Every profile must be configured and every setting its law needs must be there and
 * within those bounds, or the application does not start: a missing wait must never become a guessed one.
 *
 * @param profiles        per-profile policy, one for every {@link JurisdictionProfile}
 * @param timeCompression demo only: every policy period passes this many times faster (1 in production)
 * @param designatedAgent the DMCA agent, required while US_DMCA is enabled (17 U.S.C. 512(c)(2))
 */
@ConfigurationProperties("takedown")
public record ProfilePolicies(
        Map<JurisdictionProfile, Policy> profiles, Integer timeCompression, DesignatedAgent designatedAgent) {

    /** DSA Art. 20(1): a complaint can be lodged for at least six months after the decision was notified. */
    public static final int MINIMUM_APPEAL_MONTHS = 6;

    public ProfilePolicies {
        profiles = profiles == null || profiles.isEmpty() ? Map.of() : new EnumMap<>(profiles);
        timeCompression = timeCompression == null || timeCompression < 1 ? 1 : timeCompression;
        List<String> problems = new ArrayList<>();
        for (JurisdictionProfile profile : JurisdictionProfile.values()) {
            Policy policy = profiles.get(profile);
            if (policy == null) {
                problems.add(setting(profile, "") + " is missing: every profile needs its cure-period and "
                        + "appeal-window, and its counter-notice wait where its law has one");
            } else {
                policy.check(profile, problems);
            }
        }
        if (profiles.containsKey(JurisdictionProfile.US_DMCA)
                && profiles.get(JurisdictionProfile.US_DMCA).enabled()) {
            if (designatedAgent == null) {
                problems.add(DesignatedAgent.SETTING + " is missing: US_DMCA is enabled and 17 U.S.C. 512(c)(2)"
                        + " requires a designated agent (name, address, phone, email, registration-number,"
                        + " registered-on)");
            } else {
                designatedAgent.check(problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Invalid jurisdiction profile settings in config/application.yml: " + String.join("; ", problems));
        }
    }

    public Policy of(JurisdictionProfile profile) {
        return profiles.get(profile);
    }

    /** The DMCA designated agent, published while US_DMCA is enabled. */
    public Optional<DesignatedAgent> dmcaAgent() {
        return of(JurisdictionProfile.US_DMCA).enabled() ? Optional.ofNullable(designatedAgent) : Optional.empty();
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

    private static String setting(JurisdictionProfile profile, String name) {
        return "takedown.profiles." + profile + (name.isEmpty() ? "" : "." + name);
    }

    /**
     * @param enabled                    off: notices naming this profile are refused (CN_REGS_2013 is legacy law)
     * @param curePeriod                 how long an incomplete notice waits to be completed (T2)
     * @param counterNoticeWaitDays      CN: calendar days from the day after delivery (E-Commerce Law Art. 43: 15);
     *                                   US: the business day after receipt from whose end content may be restored
     *                                   (512(g)(2)(C): not less than 10)
     * @param counterNoticeRestoreByDays US only: the business day by which content must be restored (512(g)(2)(C):
     *                                   not more than 14)
     * @param restoreImmediately         restore on a valid counter-notice without waiting (Regulations 2013 Art. 17)
     * @param appealWindow               calendar months after notification in which decisions can be complained
     *                                   against (DSA Art. 20(1): at least six), e.g. {@code P6M}
     */
    public record Policy(
            Boolean enabled,
            Duration curePeriod,
            Integer counterNoticeWaitDays,
            Integer counterNoticeRestoreByDays,
            Boolean restoreImmediately,
            Period appealWindow) {

        /** 17 U.S.C. 512(g)(2)(C): restore "not less than 10, nor more than 14, business days following receipt". */
        static final int US_EARLIEST = 10;

        static final int US_LATEST = 14;

        /** E-Commerce Law Art. 43: the measures end if no complaint or suit is notified within 15 days. */
        static final int CN_ECOM_DAYS = 15;

        public Policy {
            enabled = enabled == null || enabled;
            restoreImmediately = restoreImmediately != null && restoreImmediately;
        }

        /** Adds what is missing or outside the law's bounds, each naming its setting. */
        void check(JurisdictionProfile profile, List<String> problems) {
            if (curePeriod == null || curePeriod.isNegative() || curePeriod.isZero()) {
                problems.add(setting(profile, "cure-period") + " must be a positive duration, e.g. P14D");
            }
            if (appealWindow == null) {
                problems.add(setting(profile, "appeal-window") + " is missing: at least P" + MINIMUM_APPEAL_MONTHS
                        + "M (DSA Art. 20(1))");
            } else if (appealWindow.getDays() != 0
                    || appealWindow.isNegative()
                    || appealWindow.toTotalMonths() < MINIMUM_APPEAL_MONTHS) {
                problems.add(setting(profile, "appeal-window") + " must be whole calendar months, at least P"
                        + MINIMUM_APPEAL_MONTHS + "M (DSA Art. 20(1)), not " + appealWindow);
            }
            switch (profile.family()) {
                case EU -> {
                    if (counterNoticeWaitDays != null || counterNoticeRestoreByDays != null || restoreImmediately) {
                        problems.add(setting(profile, "counter-notice-wait-days")
                                + " and the other counter-notice settings do not apply: " + profile
                                + " has no counter-notice");
                    }
                }
                case CN -> checkChina(profile, problems);
                case US -> checkUnitedStates(profile, problems);
            }
        }

        private void checkChina(JurisdictionProfile profile, List<String> problems) {
            if (counterNoticeRestoreByDays != null) {
                problems.add(setting(profile, "counter-notice-restore-by-days")
                        + " applies to US_DMCA only (business day 14)");
            }
            if (restoreImmediately) {
                if (counterNoticeWaitDays != null) {
                    problems.add(setting(profile, "counter-notice-wait-days") + " contradicts "
                            + setting(profile, "restore-immediately") + ": a profile that restores at once waits for"
                            + " nothing");
                }
                return;
            }
            if (counterNoticeWaitDays == null) {
                problems.add(setting(profile, "counter-notice-wait-days") + " is missing: the days the rights holder"
                        + " has to prove a complaint or suit after delivery");
            } else if (profile == JurisdictionProfile.CN_ECOM && counterNoticeWaitDays != CN_ECOM_DAYS) {
                problems.add(setting(profile, "counter-notice-wait-days") + " must be " + CN_ECOM_DAYS
                        + " (E-Commerce Law Art. 43), not " + counterNoticeWaitDays);
            } else if (counterNoticeWaitDays < 1) {
                problems.add(setting(profile, "counter-notice-wait-days") + " must be at least 1, not "
                        + counterNoticeWaitDays);
            }
        }

        private void checkUnitedStates(JurisdictionProfile profile, List<String> problems) {
            if (restoreImmediately) {
                problems.add(setting(profile, "restore-immediately")
                        + " contradicts 17 U.S.C. 512(g)(2)(C): not less than 10 business days");
            }
            if (counterNoticeWaitDays == null) {
                problems.add(setting(profile, "counter-notice-wait-days") + " is missing: the business day from "
                        + "whose end content may be restored, " + US_EARLIEST + "–" + US_LATEST);
            } else if (counterNoticeWaitDays < US_EARLIEST || counterNoticeWaitDays > US_LATEST) {
                problems.add(setting(profile, "counter-notice-wait-days") + " must be between " + US_EARLIEST + " and "
                        + US_LATEST + " business days (512(g)(2)(C)), not " + counterNoticeWaitDays);
            }
            if (counterNoticeRestoreByDays == null) {
                problems.add(setting(profile, "counter-notice-restore-by-days") + " is missing: the business day by "
                        + "which content must be restored, at most " + US_LATEST);
            } else if (counterNoticeRestoreByDays > US_LATEST
                    || counterNoticeWaitDays != null && counterNoticeRestoreByDays < counterNoticeWaitDays) {
                problems.add(setting(profile, "counter-notice-restore-by-days") + " must be between "
                        + setting(profile, "counter-notice-wait-days") + " and " + US_LATEST
                        + " business days (512(g)(2)(C)), not " + counterNoticeRestoreByDays);
            }
        }
    }
}
