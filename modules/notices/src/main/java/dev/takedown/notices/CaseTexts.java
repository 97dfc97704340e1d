package dev.takedown.notices;

import java.util.List;

/** The texts the law requires in each message, in English and Chinese. */
final class CaseTexts {

    private CaseTexts() {}

    /** DSA Art. 16(5): the decision and the redress available, also when nothing was done. */
    static String decisionForNotifier(
            String outcome, List<String> measures, String reason, JurisdictionProfile profile) {
        String decided = "ACTION_TAKEN".equals(outcome)
                ? "Measures taken / 已采取措施: " + String.join(", ", measures)
                : "No action taken / 未采取措施";
        return decided + (reason == null ? "" : "\nReasons / 理由: " + reason)
                + "\nThe decision was taken by a person, not by automated means. / 该决定由人工作出。"
                + "\nRedress / 救济途径: internal complaint within the appeal window"
                + (profile.family() == JurisdictionProfile.Family.EU
                        ? ", out-of-court dispute settlement (DSA Art. 21), or the courts."
                        : ", or the courts.");
    }

    /**
     * The forwarded notice and statement of reasons for the uploader: DSA Art. 17(3)(a)–(f); Civil Code 1195(2)
     * forwarding; DMCA 512(g)(2)(A) notification with the counter-notice route.
     */
    static String statementOfReasons(
            String target, List<String> measures, String reason, String work, JurisdictionProfile profile) {
        String counterNotice =
                switch (profile.family()) {
                    case CN ->
                        "You may file a declaration (反通知) with preliminary evidence that your content does not "
                                + "infringe (Civil Code 1196); the measure is lifted unless the rights holder starts "
                                + "proceedings within the statutory period.";
                    case US ->
                        "You may file a counter-notification under 17 U.S.C. 512(g)(3); the material is restored "
                                + "10 to 14 business days after receipt unless the complainant notifies us of a court action.";
                    case EU -> "You may file an internal complaint free of charge within six months (DSA Art. 20).";
                };
        return "(a) Measure / 措施: " + String.join(", ", measures) + " on " + target + "; duration: until further notice"
                + "\n(b) Facts / 事实: a notice under the platform's notice-and-action mechanism named this content as "
                + "infringing the work '" + work + "'. The notifier's identity is not disclosed."
                + "\n(c) Automated means / 自动化手段: none; a moderator reviewed the notice."
                + "\n(d) Legal ground / 法律依据: infringement of intellectual property rights"
                + (reason == null ? "" : "; explanation: " + reason)
                + "\n(e) Terms and conditions: not relied on."
                + "\n(f) Redress / 救济: " + counterNotice
                + " Out-of-court dispute settlement and the courts remain open.";
    }

    /** What the rights holder must be told when a counter-notice is forwarded (Civil Code 1196; 512(g)(2)(B)). */
    static String counterNoticeForRightsHolder(JurisdictionProfile profile, ProfilePolicies.Policy policy) {
        return switch (profile.family()) {
            case CN ->
                "The uploader declared that the content does not infringe. You may file a complaint with the "
                        + "competent authority or sue; if we do not receive proof of that within "
                        + policy.counterNoticeWaitDays() + " days of this notice, the measures will be lifted. "
                        + "用户已提交不存在侵权行为的声明。如您未在" + policy.counterNoticeWaitDays()
                        + "日内提交已投诉或起诉的证明，我们将终止所采取的措施。";
            case US ->
                "We received a counter-notification. We will restore the material in 10 business days unless "
                        + "we first receive notice that you have filed an action seeking a court order against the "
                        + "subscriber (17 U.S.C. 512(g)(2)(B)).";
            case EU -> "The uploader filed an internal complaint (DSA Art. 20).";
        };
    }
}
