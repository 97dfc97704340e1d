package dev.takedown.remediation.internal;

import dev.takedown.screening.Screening;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Everyday prompts people send an image and text generator, about half Chinese and half English, that no filter
 * should block. A term the owner wants to add is weighed against them with the screening matcher itself, so the
 * share found here is the share of ordinary requests the wider filter would refuse.
 */
@Component
public class BenignCorpus {

    static final String RESOURCE = "remediation/benign-prompts.txt";

    private final Screening screening;
    private final List<String> prompts;

    public BenignCorpus(Screening screening) {
        this.screening = screening;
        this.prompts = read();
    }

    /** The share (0–1) of the corpus a filter of this one term would block. */
    public double share(String term) {
        return screening.blockedBy(term, prompts).size() / (double) prompts.size();
    }

    public int size() {
        return prompts.size();
    }

    /** One prompt per line; blank lines and lines starting with {@code #} are not prompts. */
    private static List<String> read() {
        try (InputStream in = BenignCorpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the benign prompt corpus " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
