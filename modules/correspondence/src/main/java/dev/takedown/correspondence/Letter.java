package dev.takedown.correspondence;

import java.util.List;
import java.util.Map;

/**
 * A letter to write: to whom, of which kind, the facts its template reads, and the page its link opens.
 *
 * @param model the template's facts (see {@link LetterKind}): text, numbers, booleans, {@code Instant}s,
 *              {@code LocalDate}s, {@code ZonedDateTime}s, and lists and maps of them
 * @param opens where the letter's link leads (the case page, the uploader's page); opening it through the letter is
 *              its receipt. {@code null}: the letter has no link
 * @param links further links it carries (evidence files), listed after the text
 */
public record Letter(
        String caseId, Recipient to, LetterKind kind, Map<String, Object> model, String opens, List<LetterLink> links) {

    public Letter {
        model = model == null ? Map.of() : model;
        links = links == null ? List.of() : List.copyOf(links);
    }

    public Letter(String caseId, Recipient to, LetterKind kind, Map<String, Object> model) {
        this(caseId, to, kind, model, null, List.of());
    }
}
