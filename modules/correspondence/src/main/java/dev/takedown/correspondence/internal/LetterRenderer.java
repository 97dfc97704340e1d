package dev.takedown.correspondence.internal;

import dev.takedown.correspondence.LetterKind;
import dev.takedown.correspondence.LetterLink;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a letter from the template of its kind ({@code correspondence/letters/<kind>.txt}, Thymeleaf text mode) and
 * the texts of {@code correspondence/letters*.properties}, in English or Chinese. A template's first line is the
 * subject. The engine and the bundles are this module's own, not beans: the pages keep Spring Boot's engine and the
 * application's messages.
 */
@Component
public class LetterRenderer {

    /** What a letter says. */
    public record Rendered(String subject, String body) {}

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

    public LetterRenderer() {
        texts.setBasename("correspondence/letters");
        texts.setDefaultEncoding("UTF-8");
        // a server running in a Chinese locale must not answer English readers in Chinese
        texts.setFallbackToSystemLocale(false);
        // every text goes through MessageFormat, so quotes are written the same way with and without arguments
        texts.setAlwaysUseMessageFormat(true);
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(LetterRenderer.class.getClassLoader());
        templates.setPrefix("correspondence/letters/");
        templates.setSuffix(".txt");
        templates.setTemplateMode(TemplateMode.TEXT);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(texts);
    }

    /** We write Chinese for any {@code zh} locale and English for every other. */
    public static Locale language(Locale requested) {
        return requested != null && requested.getLanguage().equals("zh") ? CHINESE : ENGLISH;
    }

    /**
     * The model as the letter will show it: times written out in the reader's language and zone, everything else as
     * text, lists and maps; stored with the letter so that it can be written again to another address.
     */
    public Map<String, Object> normalise(Map<String, Object> model, Locale language) {
        Map<String, Object> normalised = new LinkedHashMap<>();
        model.forEach((key, value) -> normalised.put(key, value(value, language(language))));
        return normalised;
    }

    /**
     * @param model   a normalised model ({@link #normalise})
     * @param receipt the letter's own link, whose opening is its receipt; {@code null} for a letter without one
     */
    public Rendered render(
            LetterKind kind,
            Locale language,
            String caseId,
            Map<String, Object> model,
            String receipt,
            List<LetterLink> links) {
        Locale locale = language(language);
        Context context = new Context(locale);
        context.setVariables(model);
        context.setVariable("caseId", caseId);
        String text = tidy(engine.process(kind.name().toLowerCase(Locale.ROOT), context));
        int firstBreak = text.indexOf('\n');
        String subject = firstBreak < 0 ? text : text.substring(0, firstBreak).strip();
        StringBuilder body = new StringBuilder(
                firstBreak < 0 ? "" : text.substring(firstBreak + 1).strip());
        for (LetterLink link : links) {
            body.append('\n').append(link.label()).append(": ").append(link.url());
        }
        if (receipt != null) {
            body.append("\n\n").append(texts.getMessage("letter.open", new Object[] {receipt}, locale));
        }
        body.append("\n\n").append(texts.getMessage("letter.footer", new Object[] {caseId}, locale));
        return new Rendered(subject, body.toString());
    }

    /** A text of the letters' bundles, for pages that describe letters in the reader's language. */
    public String text(String key, Locale language, Object... arguments) {
        return texts.getMessage(key, arguments, language(language));
    }

    /** Trailing blanks go; a run of empty lines, left by conditional parts of a template, becomes one. */
    private static String tidy(String text) {
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static Object value(Object value, Locale language) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant instant) {
            return language == CHINESE
                    ? DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm（北京时间）").format(instant.atZone(BEIJING))
                    : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(instant.atZone(ZoneOffset.UTC));
        }
        if (value instanceof ZonedDateTime time) {
            return DateTimeFormatter.ofPattern(
                            language == CHINESE ? "yyyy年M月d日 HH:mm zzzz" : "EEEE, yyyy-MM-dd HH:mm zzzz", language)
                    .format(time);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofPattern(language == CHINESE ? "yyyy年M月d日" : "EEEE, yyyy-MM-dd", language)
                    .format(date);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> values) {
            List<Object> list = new ArrayList<>();
            values.forEach(v -> list.add(value(v, language)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> normalised = new LinkedHashMap<>();
            map.forEach((k, v) -> normalised.put(String.valueOf(k), value(v, language)));
            return normalised;
        }
        return value.toString();
    }
}
