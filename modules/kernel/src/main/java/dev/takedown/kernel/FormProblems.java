package dev.takedown.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

/**
 * Puts a service's problems next to the form inputs they concern. Problems name JSON paths
 * ({@code notifier.identity_document.number}, {@code targets[2].url}); a page maps paths (indices dropped, longest
 * prefix wins) to its input names. The text is {@code problem.<path>} from the messages in the reader's language,
 * else the service's own (English) text. Problems no input owns are listed above the form.
 */
public final class FormProblems {

    private FormProblems() {}

    public static void addTo(
            Model model, List<FieldProblem> problems, Map<String, String> inputs, MessageSource messages) {
        Map<String, String> byInput = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (FieldProblem problem : problems) {
            String path = normalise(problem.field());
            String text = capitalised(messages.getMessage("problem." + path, null, problem.message(), locale));
            String input = inputFor(path, inputs);
            if (input == null) {
                general.add(text);
            } else {
                byInput.merge(input, text, (a, b) -> a.equals(b) ? a : a + " " + b);
            }
        }
        model.addAttribute("fieldProblems", byInput);
        model.addAttribute("generalProblems", general);
    }

    public static void general(Model model, String text) {
        model.addAttribute("fieldProblems", Map.of());
        model.addAttribute("generalProblems", List.of(text));
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String normalise(String field) {
        return field == null ? "" : field.replaceAll("\\[\\d+]", "");
    }

    private static String inputFor(String path, Map<String, String> inputs) {
        String candidate = path;
        while (!candidate.isEmpty()) {
            String input = inputs.get(candidate);
            if (input != null) {
                return input;
            }
            int dot = candidate.lastIndexOf('.');
            candidate = dot < 0 ? "" : candidate.substring(0, dot);
        }
        return null;
    }
}
