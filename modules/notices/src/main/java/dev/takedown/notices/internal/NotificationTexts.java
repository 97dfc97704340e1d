package dev.takedown.notices.internal;

import dev.takedown.notices.CaseOutcome;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.Verdict;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Every subject and body the case sends, from the bundles {@code notices/notifications*.properties} (English and
 * Chinese), in the recipient's language. The bundles are this module's own and not a {@code MessageSource} bean: the
 * pages keep resolving their messages through the application's one.
 */
@Component
public class NotificationTexts {

    /** What one party is told. */
    public record Text(String subject, String body) {}

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

    NotificationTexts() {
        bundle.setBasename("notices/notifications");
        bundle.setDefaultEncoding("UTF-8");
        // a server running in a Chinese locale must not answer English readers in Chinese
        bundle.setFallbackToSystemLocale(false);
        // every text goes through MessageFormat, so quotes are written the same way in texts with and without arguments
        bundle.setAlwaysUseMessageFormat(true);
    }

    /**
     * A notifier reads the language its notice names (Chinese for any {@code zh} tag, English for every other, since
     * those are the languages we write); a notice that names none is answered in its profile's language.
     */
    public static Locale forNotifier(String language, JurisdictionProfile profile) {
        if (language == null || language.isBlank()) {
            return of(profile);
        }
        return Locale.forLanguageTag(language.strip().replace('_', '-'))
                        .getLanguage()
                        .equals("zh")
                ? CHINESE
                : ENGLISH;
    }

    /** The language of a profile's family (CN: Chinese, else English); uploaders are written to in it. */
    public static Locale of(JurisdictionProfile profile) {
        return profile.family() == JurisdictionProfile.Family.CN ? CHINESE : ENGLISH;
    }

    public Text cureRequest(Locale locale, String caseId, long days, String missing) {
        return text(locale, "cure-request", caseId, String.valueOf(days), missing);
    }

    public Text closedIncomplete(Locale locale, String caseId, String missing) {
        return text(locale, "incomplete", caseId, missing);
    }

    /**
     * A logged-out notifier is asked to confirm its address through the link (valid {@code days} days); it also
     * acknowledges receipt of the notice (DSA Art. 16(4)). The link itself travels beside the text.
     */
    /**
     * The decision for the notifier (DSA Art. 16(5)): the outcome with the measures and the reasons of the verdict
     * that set it, that a person decided, and the redress under the case's profile.
     */
    public Text decision(
            Locale locale,
            CaseOutcome outcome,
            Verdict verdict,
            List<String> measures,
            String reason,
            JurisdictionProfile profile) {
        List<String> lines = new ArrayList<>();
        lines.add(
                outcome == CaseOutcome.ACTION_TAKEN
                        ? message(locale, "decision.measures", String.join(", ", measures))
                        : message(locale, "decision.no-action"));
        if (reason != null) {
            String reasons = verdict == Verdict.OVERTURN ? message(locale, "decision.overturned", reason) : reason;
            lines.add(message(locale, "decision.reasons", reasons));
        }
        return decided(locale, outcome, lines, profile);
    }

    /**
     * The decision for the notifier of another organisation whose notice joined the case: the outcome and the
     * redress, never the case, its reasons or who decided.
     */
    public Text joinedDecision(Locale locale, CaseOutcome outcome, JurisdictionProfile profile) {
        return decided(
                locale,
                outcome,
                List.of(message(locale, "decision.joined", message(locale, "outcome." + outcome.name()))),
                profile);
    }

    /** What the rights holder is told when a counter-notice is forwarded (Civil Code 1196; 512(g)(2)(B)). */
    public Text counterNoticeForwarded(Locale locale, JurisdictionProfile profile, int waitDays) {
        return new Text(
                message(locale, "counter-notice.subject"),
                message(locale, "counter-notice.body." + profile.family().name(), String.valueOf(waitDays)));
    }

    public Text restored(Locale locale) {
        return text(locale, "restored");
    }

    public Text retracted(Locale locale) {
        return text(locale, "retracted");
    }

    /** The reasoned decision on an internal complaint (DSA Art. 20(5)) and the routes still open. */
    public Text appealDecided(Locale locale, Verdict verdict, String reason) {
        return new Text(
                message(locale, "appeal." + verdict.name() + ".subject"), message(locale, "appeal.body", reason));
    }

    private Text decided(Locale locale, CaseOutcome outcome, List<String> lines, JurisdictionProfile profile) {
        List<String> body = new ArrayList<>(lines);
        body.add(message(locale, "decision.human"));
        body.add(message(locale, "redress." + profile.family().name()));
        return new Text(
                message(locale, "decision.subject", message(locale, "outcome." + outcome.name())),
                String.join("\n", body));
    }

    /** Times in messages are UTC, written out: a reader in any zone can tell when. */
    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private Text text(Locale locale, String key, Object... arguments) {
        return new Text(message(locale, key + ".subject", arguments), message(locale, key + ".body", arguments));
    }

    private String message(Locale locale, String key, Object... arguments) {
        return bundle.getMessage(key, arguments, locale);
    }
}
