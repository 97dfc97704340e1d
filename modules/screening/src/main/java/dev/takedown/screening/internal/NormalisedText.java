package dev.takedown.screening.internal;

/**
 * A prompt in the compact form the matcher reads: letters and digits only, folded, confusables and Chinese/Japanese
 * script variants unified. Each compact character remembers where it came from in the original text and which
 * original word it belongs to, so that matches can be reported in the original and checked for word boundaries.
 *
 * @param text  the compact form
 * @param start per compact character, the UTF-16 offset of its source in the original (inclusive)
 * @param end   per compact character, the UTF-16 offset just after its source in the original
 * @param word  per compact character, the ordinal of its original word (every Han character and kana syllable is
 *              a word of its own)
 */
public record NormalisedText(String text, int[] start, int[] end, int[] word) {

    public int length() {
        return text.length();
    }

    /** Whether compact position {@code from} begins an original word. */
    public boolean startsWord(int from) {
        return from == 0 || word[from - 1] != word[from];
    }

    /** Whether compact position {@code to} (exclusive) ends an original word. */
    public boolean endsWord(int to) {
        return to == text.length() || word[to] != word[to - 1];
    }
}
