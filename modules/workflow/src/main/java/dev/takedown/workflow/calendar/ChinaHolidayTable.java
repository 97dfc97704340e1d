package dev.takedown.workflow.calendar;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The State Council's holiday schedules as read from {@code holidays-cn.yml}.
 *
 * @param sources           the notice each year comes from, in year order; a year is known only if it is here
 * @param holidays          days off under the schedules (放假), including bridge days
 * @param makeUpWorkingDays weekend days the schedules make working days (调休上班)
 */
record ChinaHolidayTable(Map<Integer, String> sources, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {

    static final String RESOURCE = "holidays-cn.yml";
    static final String YEARS = "takedown.calendar.cn.years";

    private static final Set<String> YEAR_KEYS = Set.of("source", "holidays", "make-up-working-days");
    private static final Set<String> BLOCK_KEYS = Set.of("name", "from", "to");

    static String property(int year) {
        return YEARS + "." + year;
    }

    /** Reads and checks the table; a typo in a legal calendar must stop the application, not shift a deadline. */
    static ChinaHolidayTable read(InputStream yaml) {
        Object node = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        for (String key : YEARS.split("\\.")) {
            node = map(node, YEARS).get(key);
        }
        SortedMap<Integer, String> sources = new TreeMap<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUpWorkingDays = new HashSet<>();
        map(node, YEARS).forEach((key, value) -> {
            if (!(key instanceof Integer year)) {
                throw invalid(YEARS + "." + key, "a year");
            }
            String property = property(year);
            Map<?, ?> schedule = keys(map(value, property), YEAR_KEYS, property);
            if (!(schedule.get("source") instanceof String source) || source.isBlank()) {
                throw invalid(property + ".source", "the notice the schedule comes from");
            }
            sources.put(year, source);
            List<?> blocks = list(schedule.get("holidays"), property + ".holidays");
            for (int i = 0; i < blocks.size(); i++) {
                String block = property + ".holidays[" + i + "]";
                Map<?, ?> range = keys(map(blocks.get(i), block), BLOCK_KEYS, block);
                LocalDate from = date(range.get("from"), block + ".from", year);
                LocalDate to = date(range.get("to"), block + ".to", year);
                if (to.isBefore(from)) {
                    throw invalid(block, "'from' on or before 'to'");
                }
                from.datesUntil(to.plusDays(1)).forEach(holidays::add);
            }
            List<?> workingDays = list(schedule.get("make-up-working-days"), property + ".make-up-working-days");
            for (int i = 0; i < workingDays.size(); i++) {
                String item = property + ".make-up-working-days[" + i + "]";
                LocalDate day = date(workingDays.get(i), item, year);
                if (!isWeekend(day)) {
                    throw invalid(item, "a Saturday or Sunday (only rest days are made working days)");
                }
                makeUpWorkingDays.add(day);
            }
        });
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(makeUpWorkingDays);
        if (!both.isEmpty()) {
            throw invalid(YEARS, "no day both a holiday and a make-up working day, but " + both);
        }
        return new ChinaHolidayTable(
                Collections.unmodifiableSortedMap(sources), Set.copyOf(holidays), Set.copyOf(makeUpWorkingDays));
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Map<?, ?> map(Object node, String property) {
        if (node instanceof Map<?, ?> map) {
            return map;
        }
        throw invalid(property, "a mapping");
    }

    private static Map<?, ?> keys(Map<?, ?> map, Set<String> allowed, String property) {
        map.keySet().stream()
                .filter(key -> !allowed.contains(String.valueOf(key)))
                .findFirst()
                .ifPresent(key -> {
                    throw invalid(property + "." + key, "one of " + allowed);
                });
        return map;
    }

    private static List<?> list(Object node, String property) {
        if (node instanceof List<?> list) {
            return list;
        }
        throw invalid(property, "a list (may be empty)");
    }

    /** The notice for a year may reach back into the December before it (a New Year holiday starting Dec 31). */
    private static LocalDate date(Object node, String property, int year) {
        // SnakeYAML reads an unquoted 2025-01-01 as a timestamp at midnight UTC
        LocalDate day = node instanceof Date timestamp
                ? LocalDate.ofInstant(timestamp.toInstant(), ZoneOffset.UTC)
                : node instanceof String text ? parse(text, property) : null;
        if (day == null) {
            throw invalid(property, "a date (yyyy-mm-dd)");
        }
        if (day.getYear() != year && !(day.getYear() == year - 1 && day.getMonth() == Month.DECEMBER)) {
            throw invalid(property, "a date in " + year + ", not " + day);
        }
        return day;
    }

    private static LocalDate parse(String text, String property) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(property, "a date (yyyy-mm-dd), not '" + text + "'");
        }
    }

    private static IllegalStateException invalid(String property, String expected) {
        return new IllegalStateException(RESOURCE + ": " + property + " must be " + expected);
    }
}
