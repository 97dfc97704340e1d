package dev.takedown.works.web;

import dev.takedown.works.WorkDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The "Register a work" form: one entry per line. A combination line lists its phrases separated by commas,
 * optionally followed by {@code | at least | within words} (defaults: every phrase, within 12 words).
 */
public class WorkForm {

    static final int DEFAULT_WINDOW = 12;

    private String title;
    private String aliases;
    private String combinations;
    private String licensees;
    private String imageHashes;
    private boolean wellKnown;

    /** Lines of combinations that could not be read, by line number from 1; empty when all could. */
    List<Integer> unreadableCombinations() {
        List<Integer> bad = new ArrayList<>();
        List<String> lines = lines(combinations);
        for (int i = 0; i < lines.size(); i++) {
            if (combination(lines.get(i)) == null) {
                bad.add(i + 1);
            }
        }
        return bad;
    }

    WorkDefinition toDefinition() {
        List<WorkDefinition.Combination> parsed = new ArrayList<>();
        for (String line : lines(combinations)) {
            WorkDefinition.Combination c = combination(line);
            if (c != null) {
                parsed.add(c);
            }
        }
        return new WorkDefinition(
                title == null ? null : title.strip(),
                lines(aliases),
                parsed,
                lines(licensees),
                lines(imageHashes).stream()
                        .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                        .toList(),
                List.of(),
                wellKnown);
    }

    private static WorkDefinition.Combination combination(String line) {
        String[] parts = line.split("\\|");
        List<String> phrases = Arrays.stream(parts[0].split("[,，]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        try {
            Integer atLeast =
                    parts.length > 1 && !parts[1].isBlank() ? Integer.valueOf(parts[1].strip()) : phrases.size();
            Integer window =
                    parts.length > 2 && !parts[2].isBlank() ? Integer.valueOf(parts[2].strip()) : DEFAULT_WINDOW;
            return parts.length > 3 ? null : new WorkDefinition.Combination(phrases, atLeast, window);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String v) {
        title = v;
    }

    public String getAliases() {
        return aliases;
    }

    public void setAliases(String v) {
        aliases = v;
    }

    public String getCombinations() {
        return combinations;
    }

    public void setCombinations(String v) {
        combinations = v;
    }

    public String getLicensees() {
        return licensees;
    }

    public void setLicensees(String v) {
        licensees = v;
    }

    public String getImageHashes() {
        return imageHashes;
    }

    public void setImageHashes(String v) {
        imageHashes = v;
    }

    public boolean isWellKnown() {
        return wellKnown;
    }

    public void setWellKnown(boolean v) {
        wellKnown = v;
    }
}
