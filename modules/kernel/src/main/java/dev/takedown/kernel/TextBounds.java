package dev.takedown.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Upper bounds on free text in a document, so that an oversized field is refused with its name instead of failing
 * in the database or filling it. Paths are the document's JSON paths ({@code works[0].title}).
 */
public final class TextBounds {

    /** Any text field not named otherwise. */
    public static final int DEFAULT_MAX = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TextBounds() {}

    /**
     * @param limits maximum lengths by path, where {@code []} matches any index ({@code works[].title})
     */
    public static List<FieldProblem> check(Object document, Map<String, Integer> limits) {
        List<FieldProblem> problems = new ArrayList<>();
        walk(JSON.valueToTree(document), "", "", limits, problems);
        return problems;
    }

    public static void requireWithin(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "at most " + max + " characters (" + value.length() + " given)"));
        }
    }

    private static void walk(
            JsonNode node, String path, String pattern, Map<String, Integer> limits, List<FieldProblem> problems) {
        if (node.isTextual()) {
            requireWithin(path, node.asText(), limits.getOrDefault(pattern, DEFAULT_MAX), problems);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", pattern + "[]", limits, problems);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String dot = path.isEmpty() ? "" : ".";
                walk(field.getValue(), path + dot + field.getKey(), pattern + dot + field.getKey(), limits, problems);
            }
        }
    }
}
