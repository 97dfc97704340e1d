package dev.takedown.testing;

import java.util.List;
import java.util.UUID;

/**
 * Notice submissions as a rights holder's portal sends them: complete under every profile unless a test takes
 * something away. One builder, so that a change to the intake format changes one place.
 *
 * <pre>{@code
 * String body = NoticeJson.complete("US_DMCA").target("https://gen.example/p/1").account("acct-7").json();
 * }</pre>
 */
public final class NoticeJson {

    private final String profile;
    private String targetUrl = "https://gen.example/p/" + UUID.randomUUID();
    private String targetType = "URL";
    private String accountId;
    private String workTitle = "Ultraman Tiga";
    private String notifierName = "Studio A";
    private String notifierEmail = "legal@a.test";
    private String language;
    private List<String> rightTypes = List.of();

    private NoticeJson(String profile) {
        this.profile = profile;
    }

    /** Every element any profile asks for: notifier identity and contact, signature, evidence, all attestations. */
    public static NoticeJson complete(String profile) {
        return new NoticeJson(profile);
    }

    public NoticeJson target(String url) {
        this.targetUrl = url;
        return this;
    }

    public NoticeJson targetType(String type) {
        this.targetType = type;
        return this;
    }

    public NoticeJson account(String accountId) {
        this.accountId = accountId;
        return this;
    }

    public NoticeJson work(String title) {
        this.workTitle = title;
        return this;
    }

    public NoticeJson notifier(String legalName, String email) {
        this.notifierName = legalName;
        this.notifierEmail = email;
        return this;
    }

    /** The language the notifier reads (e.g. {@code zh-CN}); without one the notice names none. */
    public NoticeJson language(String tag) {
        this.language = tag;
        return this;
    }

    /** The rights the notice claims ({@code claim.right_type}); without any the notice names none. */
    public NoticeJson claim(String... rightTypes) {
        this.rightTypes = List.of(rightTypes);
        return this;
    }

    public String json() {
        return """
                {"jurisdiction_profiles": [%s],%s%s
                 "notifier": {"type": "RIGHTS_HOLDER", "legal_name": %s, "email": %s,
                              "postal_address": "1 Studio Road", "phone": "+86 21 5555 0100",
                              "identity_document": {"type": "USCC", "number": "91310000MA1FL0000X"}},
                 "signature": {"type": "electronic", "value": "/s/ Studio A"},
                 "works": [{"title": %s}],
                 "targets": [{"type": %s, "url": %s%s}],
                 "evidence": [{"kind": "SCREENSHOT", "url": "https://evidence.a.test/1.png"}],
                 "explanation": "The images reproduce the protected character in detail.",
                 "attestations": {"truthfulness_responsibility": true, "good_faith": true,
                                  "accuracy_authority_perjury": true, "bona_fide_accurate_complete": true}}
                """.formatted(
                        quote(profile),
                        language == null ? "" : " \"language\": " + quote(language) + ",",
                        rightTypes.isEmpty()
                                ? ""
                                : " \"claim\": {\"right_type\": ["
                                        + String.join(
                                                ", ",
                                                rightTypes.stream()
                                                        .map(NoticeJson::quote)
                                                        .toList())
                                        + "]},",
                        quote(notifierName),
                        quote(notifierEmail),
                        quote(workTitle),
                        quote(targetType),
                        quote(targetUrl),
                        accountId == null ? "" : ", \"account_id\": " + quote(accountId));
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
