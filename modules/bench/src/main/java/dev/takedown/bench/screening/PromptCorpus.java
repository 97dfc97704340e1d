package dev.takedown.bench.screening;

import dev.takedown.screening.internal.Normaliser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Synthetic protected terms (half Latin pseudo-words, half 2–4 Han characters, like 奥特曼 / Ultraman / Tiga) and
 * 200-character mixed CJK/Latin prompts, a quarter of which contain a term. Seeded, so every run sees the same data;
 * cached per JVM because normalising 100k terms (pinyin variants) takes seconds.
 */
public final class PromptCorpus {

    public static final int PROMPT_LENGTH = 200;
    private static final Map<Integer, PromptCorpus> CACHE = new ConcurrentHashMap<>();

    public final List<String> terms;
    /** Every compact variant of every term, deduplicated: what each matcher is built over. */
    public final List<String> patterns;

    public final String[] prompts;
    public final String[] normalisedPrompts;
    /** The same as char arrays: what the engine's normaliser hands the matcher. */
    public final char[][] normalisedChars;

    public final Normaliser normaliser = new Normaliser();

    private PromptCorpus(int termCount) {
        Random random = new Random(42 + termCount);
        Set<String> unique = new LinkedHashSet<>();
        while (unique.size() < termCount) {
            unique.add(
                    random.nextBoolean()
                            ? latinWord(random, 5 + random.nextInt(6))
                            : han(random, 2 + random.nextInt(3)));
        }
        terms = List.copyOf(unique);
        Set<String> variants = new LinkedHashSet<>();
        for (String term : terms) {
            variants.addAll(normaliser.variants(term));
        }
        patterns = List.copyOf(variants);
        prompts = new String[256];
        normalisedPrompts = new String[prompts.length];
        normalisedChars = new char[prompts.length][];
        for (int i = 0; i < prompts.length; i++) {
            prompts[i] = prompt(random, i % 4 == 0 ? terms.get(random.nextInt(terms.size())) : null);
            normalisedPrompts[i] = normaliser.normalise(prompts[i]).text();
            normalisedChars[i] = normalisedPrompts[i].toCharArray();
        }
    }

    public static PromptCorpus of(int termCount) {
        return CACHE.computeIfAbsent(termCount, PromptCorpus::new);
    }

    private static String latinWord(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static String han(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // the 3 500 most common characters sit roughly in this block; a narrower range means more collisions
            s.append((char) (0x4E00 + random.nextInt(0x2000)));
        }
        return s.toString();
    }

    private static String prompt(Random random, String term) {
        StringBuilder s = new StringBuilder();
        while (s.length() < PROMPT_LENGTH) {
            if (term != null && s.length() > 60 && s.indexOf(term) < 0) {
                s.append(term).append(' ');
            } else if (random.nextInt(3) == 0) {
                s.append(han(random, 1 + random.nextInt(6)));
            } else {
                String word = latinWord(random, 2 + random.nextInt(8));
                s.append(random.nextInt(5) == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
                        .append(random.nextInt(6) == 0 ? ", " : " ");
            }
        }
        return s.substring(0, PROMPT_LENGTH);
    }

    /** For a benchmark's own sanity: the listed prompts that contain a term verbatim. */
    public List<Integer> promptsWithTerms() {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < prompts.length; i++) {
            for (String term : terms) {
                if (prompts[i].contains(term)) {
                    found.add(i);
                    break;
                }
            }
        }
        return found;
    }
}
