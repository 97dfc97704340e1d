package dev.takedown.measures;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where and for how long a measure restricts (DSA Art. 17(3)(a)).
 *
 * @param countries ISO 3166-1 alpha-2 codes, upper case; empty = worldwide
 * @param endsOn    the last day the measure applies; null = until further notice
 */
public record MeasureScope(List<String> countries, LocalDate endsOn) {

    /** What a decision that names no scope has always meant. */
    public static final MeasureScope WORLDWIDE_UNTIL_FURTHER_NOTICE = new MeasureScope(List.of(), null);

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public MeasureScope {
        countries = countries == null
                ? List.of()
                : List.copyOf(countries.stream().distinct().toList());
        for (String country : countries) {
            if (!isCountry(country)) {
                throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 code: " + country);
            }
        }
    }

    /** True for an upper-case ISO 3166-1 alpha-2 code of a country. */
    public static boolean isCountry(String code) {
        return code != null && ISO_COUNTRIES.contains(code);
    }

    public boolean worldwide() {
        return countries.isEmpty();
    }

    /**
     * The reach of several measures together: worldwide if any is, else every country named, in the order named; until further notice if
     * any is, else the latest end.
     */
    public static MeasureScope widest(List<MeasureScope> scopes) {
        if (scopes.isEmpty()) {
            return WORLDWIDE_UNTIL_FURTHER_NOTICE;
        }
        List<String> countries = scopes.stream().anyMatch(MeasureScope::worldwide)
                ? List.of()
                : scopes.stream()
                        .flatMap(s -> s.countries().stream())
                        .distinct()
                        .toList();
        LocalDate endsOn = scopes.stream().anyMatch(s -> s.endsOn() == null)
                ? null
                : scopes.stream()
                        .map(MeasureScope::endsOn)
                        .max(LocalDate::compareTo)
                        .orElseThrow();
        return new MeasureScope(countries, endsOn);
    }
}
