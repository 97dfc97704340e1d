package dev.takedown.remediation.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A model owner's change, from JSON or from the page (added terms one per line there). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChangeForm(String filterVersion, String modelVersion, String description, List<String> addedTerms) {

    static final int MAX_VERSION = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TERMS = 50;
    static final int MAX_TERM = 200;

    static ChangeForm fromPage(String filterVersion, String modelVersion, String description, String terms) {
        List<String> lines = terms == null
                ? List.of()
                : Arrays.stream(terms.split("\\R"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
        return new ChangeForm(filterVersion, modelVersion, description, lines);
    }

    /** Field → problem; empty when the change can be recorded. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (description == null || description.isBlank()) {
            problems.add(problem("description", "describe what was changed"));
        } else if (description.length() > MAX_DESCRIPTION) {
            problems.add(problem("description", "at most " + MAX_DESCRIPTION + " characters"));
        } else if (description.chars().anyMatch(ChangeForm::disallowedControl)) {
            problems.add(problem("description", "control characters are not allowed"));
        }
        version("filter_version", filterVersion, problems);
        version("model_version", modelVersion, problems);
        if (blank(filterVersion) && blank(modelVersion)) {
            problems.add(problem("filter_version", "name the new filter version or the new model version"));
        }
        List<String> terms = addedTerms == null ? List.of() : addedTerms;
        if (terms.size() > MAX_TERMS) {
            problems.add(problem("added_terms", "at most " + MAX_TERMS + " terms"));
        }
        for (int i = 0; i < Math.min(terms.size(), MAX_TERMS); i++) {
            String term = terms.get(i);
            if (term == null
                    || term.isBlank()
                    || term.length() > MAX_TERM
                    || term.chars().anyMatch(Character::isISOControl)) {
                problems.add(problem("added_terms[" + i + "]", "a term of 1 to " + MAX_TERM + " printable characters"));
            }
        }
        return problems;
    }

    private static void version(String field, String value, List<FieldProblem> problems) {
        if (value != null && (value.length() > MAX_VERSION || value.chars().anyMatch(Character::isISOControl))) {
            problems.add(problem(field, "at most " + MAX_VERSION + " printable characters"));
        }
    }

    /** Line breaks and tabs are text; NUL, escapes and the like are not. */
    private static boolean disallowedControl(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static FieldProblem problem(String field, String message) {
        return new FieldProblem(field, message);
    }

    String filterVersionOrNull() {
        return blank(filterVersion) ? null : filterVersion.strip();
    }

    String modelVersionOrNull() {
        return blank(modelVersion) ? null : modelVersion.strip();
    }

    List<String> termsStripped() {
        return addedTerms == null
                ? List.of()
                : addedTerms.stream().map(String::strip).toList();
    }
}
