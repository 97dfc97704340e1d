package dev.takedown.local;

/** Notice documents used across the integration tests. */
final class Notices {

    private Notices() {}

    /** Complete under the default CN_CC_1195 profile. */
    static String complete(String targetUrl) {
        return """
                {
                  "jurisdiction_profiles": ["CN_CC_1195"],
                  "notifier": {"type": "RIGHTS_HOLDER", "legal_name": "Studio A", "email": "legal@a.test",
                               "identity_document": {"type": "USCC", "number": "91310000MA1FL0000X"}},
                  "works": [{"title": "Ultraman Tiga"}],
                  "targets": [{"type": "URL", "url": "%s"}],
                  "evidence": [{"kind": "SCREENSHOT", "url": "https://evidence.a.test/1.png"}],
                  "explanation": "Generated images reproduce the character.",
                  "attestations": {"truthfulness_responsibility": true}
                }
                """.formatted(targetUrl);
    }

    /** Has works and a target but none of what the DMCA profile requires of the notifier. */
    static String incompleteDmca() {
        return """
                {
                  "jurisdiction_profiles": ["US_DMCA_512C3"],
                  "works": [{"title": "Dyna"}],
                  "targets": [{"type": "URL", "url": "not a url"}]
                }
                """;
    }
}
