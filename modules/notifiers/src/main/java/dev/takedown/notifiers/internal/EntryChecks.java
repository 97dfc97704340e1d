package dev.takedown.notifiers.internal;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.notifiers.AuthorityKind;
import dev.takedown.notifiers.ExpertiseArea;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a registry entry's text fields into values, naming every field that is missing or malformed. */
public final class EntryChecks {

    /** The member states whose Digital Services Coordinators award the status (DSA Art. 22(2)). */
    static final Set<String> MEMBER_STATES = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    /** The EEA states beyond the EU, where the DSA applies too. */
    private static final Set<String> EEA_STATES = Set.of("IS", "LI", "NO");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Whether an ISO 3166-1 alpha-2 code is a state of the EU or the EEA. */
    public static boolean euOrEea(String code) {
        return MEMBER_STATES.contains(code) || EEA_STATES.contains(code);
    }

    private final List<FieldProblem> problems = new ArrayList<>();

    public List<FieldProblem> problems() {
        return problems;
    }

    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required"));
            return null;
        }
        TextBounds.requireWithin(field, value.strip(), max, problems);
        return value.strip();
    }

    public String memberState(String field, String value) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!MEMBER_STATES.contains(code)) {
            problems.add(new FieldProblem(field, "an EU member state's ISO 3166-1 alpha-2 code, e.g. IE"));
            return null;
        }
        return code;
    }

    public String country(String field, String value) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            problems.add(new FieldProblem(field, "an ISO 3166-1 alpha-2 country code, e.g. CN or DE"));
            return null;
        }
        return code;
    }

    public LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "required (ISO date, e.g. 2025-02-17)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "an ISO date, e.g. 2025-02-17"));
            return null;
        }
    }

    public List<ExpertiseArea> areas(String field, List<String> values) {
        if (values.isEmpty()) {
            problems.add(new FieldProblem(field, "at least one area of expertise"));
        }
        Set<ExpertiseArea> areas = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            int index = i;
            ExpertiseArea.parse(values.get(i))
                    .ifPresentOrElse(
                            areas::add,
                            () -> problems.add(new FieldProblem(
                                    field + "[" + index + "]", "one of " + Arrays.toString(ExpertiseArea.values()))));
        }
        return List.copyOf(areas);
    }

    public AuthorityKind kind(String field, String value) {
        try {
            return AuthorityKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            problems.add(new FieldProblem(field, "one of " + Arrays.toString(AuthorityKind.values())));
            return null;
        }
    }

    /** Non-blank, distinct, bounded strings; at least one. */
    public List<String> list(String field, List<String> values, int max, String what) {
        if (values.isEmpty()) {
            problems.add(new FieldProblem(field, "at least one " + what));
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                problems.add(new FieldProblem(field + "[" + i + "]", "empty"));
            } else {
                TextBounds.requireWithin(field + "[" + i + "]", value.strip(), max, problems);
                distinct.add(value.strip());
            }
        }
        return List.copyOf(distinct);
    }

    public void order(LocalDate from, LocalDate until) {
        if (from != null && until != null && until.isBefore(from)) {
            problems.add(new FieldProblem("valid_until", "on or after valid_from"));
        }
    }
}
