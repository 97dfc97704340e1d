package dev.takedown.screening.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings terms and prompts to one compact form so that spelling tricks do not defeat the matcher: NFKC with case
 * folding (fullwidth and styled letters), removal of default-ignorable and format characters (zero-width joiners),
 * UTS #39 confusable skeletons (Cyrillic а in "Ultrаman"), accents stripped, traditional → simplified Chinese, kana
 * → romaji, and everything that is not a letter or digit dropped so that "U l t r a-man" reads "ultraman". Word
 * boundaries of the original survive in {@link NormalisedText#word()}, which is how the matcher avoids finding
 * "dyna" in "dynamic" although spaces are gone.
 *
 * <p>Per-code-point results are cached, so the ICU work (which is slow) happens once per distinct character and the
 * hot path is a table lookup. ICU transliterators are not thread-safe, hence one per thread.
 */
public final class Normaliser {

    private static final byte SEPARATOR = 1;
    private static final byte IGNORABLE = 2;
    private static final byte LETTER = 3;
    private static final byte HAN = 4;
    private static final byte KANA = 5;
    /** Bits of a {@link #packed} entry besides the output character (bits 0–15). */
    private static final int HAS_OUT = 1 << 16;

    private static final int KIND_SHIFT = 17;
    private static final int UPPER = 1 << 20;
    private static final int LOWER = 1 << 21;

    private static final int MAX_CACHED_EXTRA = 16_384;
    private static final String SMALL_KANA = "ぁぃぅぇぉゃゅょゎゕゖァィゥェォャュョヮヵヶー";
    private static final char[] SOKUON = {'っ', 'ッ'};

    /** Immutable, so a racy publication into the cache array is safe. */
    private record Folded(byte kind, String out, boolean upper, boolean lower) {

        Folded(byte kind, String out) {
            this(kind, out, false, false);
        }
    }

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final ThreadLocal<Transliterator> TRAD_SIMP =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private static final ThreadLocal<Transliterator> KANA_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Hiragana-Latin; Katakana-Latin"));
    private static final ThreadLocal<Transliterator> HAN_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified; Han-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> LATIN_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));

    private final Folded[] bmp = new Folded[0x10000];
    /**
     * The same folds packed into one int per BMP character, for those that yield at most one character and are no
     * kana (nearly all): the prompt loop reads one array element per character instead of a {@link Folded} and its
     * string, which on a request thread whose caches the web stack just flushed are three misses. 0: not packed
     * (not computed yet, a surrogate, or a fold outside the packable set), so {@link #bmp} decides. Written racily
     * like {@link #bmp}: an int is written whole, and always the same one for a character.
     */
    private final int[] packed = new int[0x10000];

    private final Map<Integer, Folded> supplementary = new ConcurrentHashMap<>();
    private final Map<String, String> romaji = new ConcurrentHashMap<>();

    /**
     * The compact form being built, reused per thread so that the hot path allocates nothing: the compact text and,
     * per compact character, where it came from in the original and which original word it belongs to. Valid until
     * the same thread normalises again.
     */
    public static final class Scratch implements CharSequence {
        char[] text = new char[256];
        int[] start = new int[256];
        int[] end = new int[256];
        int[] word = new int[256];
        int length;

        void ensure(int capacity) {
            if (capacity > text.length) {
                int size = Math.max(capacity, text.length * 2);
                text = Arrays.copyOf(text, size);
                start = Arrays.copyOf(start, size);
                end = Arrays.copyOf(end, size);
                word = Arrays.copyOf(word, size);
            }
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return text[index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(text, from, to - from);
        }

        @Override
        public String toString() {
            return new String(text, 0, length);
        }

        /** UTF-16 offset in the original where compact character {@code i} comes from. */
        public int start(int i) {
            return start[i];
        }

        /** UTF-16 offset in the original just after compact character {@code i}'s source. */
        public int end(int i) {
            return end[i];
        }

        public int word(int i) {
            return word[i];
        }

        /** Whether compact position {@code from} begins an original word. */
        public boolean startsWord(int from) {
            return from == 0 || word[from - 1] != word[from];
        }

        /** Whether compact position {@code to} (exclusive) ends an original word. */
        public boolean endsWord(int to) {
            return to == length || word[to] != word[to - 1];
        }

        public NormalisedText toNormalisedText() {
            return new NormalisedText(
                    toString(), Arrays.copyOf(start, length), Arrays.copyOf(end, length), Arrays.copyOf(word, length));
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The compact form of a prompt or term, with offsets into {@code original}. */
    public NormalisedText normalise(String original) {
        return scratch(original).toNormalisedText();
    }

    /** Like {@link #normalise} into this thread's reusable buffer: no allocation once the buffer has grown. */
    public Scratch scratch(String original) {
        Scratch s = SCRATCH.get();
        int n = original.length();
        s.ensure(n + 8);
        char[] text = s.text;
        int[] start = s.start;
        int[] end = s.end;
        int[] word = s.word;
        int[] packed = this.packed;
        int length = 0;
        int words = 0;
        boolean inWord = false;
        boolean previousLower = false;
        int i = 0;
        while (i < n) {
            char ch = original.charAt(i);
            int fold = packed[ch];
            int next;
            int kind;
            boolean upper;
            boolean lower;
            // null: the output is the packed character, if any
            String out = null;
            if (fold != 0) {
                next = i + 1;
                kind = (fold >>> KIND_SHIFT) & 7;
                upper = (fold & UPPER) != 0;
                lower = (fold & LOWER) != 0;
            } else {
                boolean surrogate = Character.isSurrogate(ch);
                int cp = surrogate ? original.codePointAt(i) : ch;
                next = i + (cp > 0xFFFF ? 2 : 1);
                Folded f = fold(cp);
                if (!surrogate) {
                    packed[ch] = pack(f);
                }
                kind = f.kind;
                upper = f.upper;
                lower = f.lower;
                out = f.out;
            }
            switch (kind) {
                case SEPARATOR -> inWord = false;
                case IGNORABLE -> {
                    // zero-width and combining characters neither add text nor split a word
                }
                case HAN -> {
                    inWord = false;
                    words++;
                }
                case KANA -> {
                    next = syllableEnd(original, i, next);
                    out = romaji(original.substring(i, next));
                    inWord = false;
                    words++;
                }
                default -> {
                    // camel case ("UltraMan") splits words the way a space would
                    if (!inWord || (upper && previousLower)) {
                        words++;
                    }
                    inWord = true;
                    previousLower = lower;
                }
            }
            int outLength = out == null ? (fold & HAS_OUT) >>> 16 : out.length();
            if (length + outLength > text.length) {
                s.ensure(length + outLength);
                text = s.text;
                start = s.start;
                end = s.end;
                word = s.word;
            }
            for (int k = 0; k < outLength; k++) {
                text[length] = out == null ? (char) fold : out.charAt(k);
                start[length] = i;
                end[length] = next;
                word[length] = words;
                length++;
            }
            i = next;
        }
        s.length = length;
        return s;
    }

    /** {@code f} as an entry of {@link #packed}, or 0 where only the {@link Folded} can say it. */
    private static int pack(Folded f) {
        if (f.kind == KANA || f.out.length() > 1) {
            return 0;
        }
        return f.kind << KIND_SHIFT
                | (f.out.isEmpty() ? 0 : HAS_OUT | f.out.charAt(0))
                | (f.upper ? UPPER : 0)
                | (f.lower ? LOWER : 0);
    }

    /**
     * The compact forms a term is matched in: its own, and for terms with Han characters also their pinyin, so that
     * 奥特曼 is found in "aoteman" and "ao te man".
     */
    public List<String> variants(String term) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(normalise(term).text());
        if (term.codePoints().anyMatch(cp -> UScript.getScript(cp) == UScript.HAN)) {
            variants.add(normalise(pinyin(term)).text());
        }
        variants.remove("");
        return new ArrayList<>(variants);
    }

    /**
     * The term through {@link #HAN_LATIN}, but only its Han parts through Han-Latin, which costs ~15 µs per character
     * whatever the character (most of a measure's compile time, and of a burst's). The term is cut at letters of other
     * scripts; a part without Han only needs Latin-ASCII (the other two steps leave it as is). Spaces and punctuation
     * stay with their Han neighbours, since Han-Latin reads words across them (重 庆 is "chong qing"); the space added
     * between parts is dropped by {@link #normalise}, as are those Han-Latin puts between syllables.
     */
    private static String pinyin(String term) {
        StringBuilder out = new StringBuilder(term.length() * 4);
        int i = 0;
        while (i < term.length()) {
            boolean otherScript = otherScriptLetter(term.codePointAt(i));
            boolean han = false;
            int end = i;
            while (end < term.length() && otherScriptLetter(term.codePointAt(end)) == otherScript) {
                int cp = term.codePointAt(end);
                han |= UScript.getScript(cp) == UScript.HAN;
                end += Character.charCount(cp);
            }
            out.append((han ? HAN_LATIN : LATIN_ASCII).get().transliterate(term.substring(i, end)))
                    .append(' ');
            i = end;
        }
        return out.toString();
    }

    private static boolean otherScriptLetter(int cp) {
        int script = UScript.getScript(cp);
        return UCharacter.isLetter(cp)
                && script != UScript.HAN
                && script != UScript.COMMON
                && script != UScript.INHERITED;
    }

    private Folded fold(int cp) {
        if (cp < 0x10000) {
            Folded f = bmp[cp];
            if (f == null) {
                f = compute(cp);
                bmp[cp] = f;
            }
            return f;
        }
        Folded f = supplementary.get(cp);
        if (f == null) {
            f = compute(cp);
            if (supplementary.size() < MAX_CACHED_EXTRA) {
                supplementary.put(cp, f);
            }
        }
        return f;
    }

    private static Folded compute(int cp) {
        String folded = NFKC_CASEFOLD.normalize(new String(Character.toChars(cp)));
        if (folded.isEmpty()) {
            return new Folded(IGNORABLE, "");
        }
        int first = folded.codePointAt(0);
        int script = UScript.getScript(first);
        if (script == UScript.HAN) {
            return new Folded(HAN, TRAD_SIMP.get().transliterate(folded));
        }
        if (script == UScript.HIRAGANA || script == UScript.KATAKANA || first == 'ー') {
            return new Folded(KANA, "");
        }
        String letters = letters(folded);
        if (!letters.isEmpty()) {
            return new Folded(LETTER, letters, UCharacter.isUUppercase(cp), UCharacter.isULowercase(cp));
        }
        int type = UCharacter.getType(cp);
        boolean ignorable =
                type == UCharacter.NON_SPACING_MARK || type == UCharacter.ENCLOSING_MARK || type == UCharacter.FORMAT;
        return new Folded(ignorable ? IGNORABLE : SEPARATOR, "");
    }

    /** Skeleton, fold again, strip marks, keep letters and digits. */
    private static String letters(String folded) {
        String skeleton = NFD.normalize(NFKC_CASEFOLD.normalize(SPOOF.getSkeleton(folded)));
        StringBuilder out = new StringBuilder(skeleton.length());
        skeleton.codePoints().filter(UCharacter::isLetterOrDigit).forEach(c -> {
            // the skeleton keeps i apart from l although I, l, 1 and | are the classic swap; fold them together
            out.appendCodePoint(c == 'i' ? 'l' : c);
        });
        return out.toString();
    }

    /** A kana syllable: leading small tsu, the base kana, trailing small kana and long-vowel marks. */
    private static int syllableEnd(String s, int from, int next) {
        int end = next;
        if (isSokuon(s.charAt(from))) {
            while (end < s.length() && isSokuon(s.charAt(end))) {
                end++;
            }
            if (end < s.length() && isKana(s.charAt(end))) {
                end++;
            }
        }
        while (end < s.length() && SMALL_KANA.indexOf(s.charAt(end)) >= 0) {
            end++;
        }
        return end;
    }

    private static boolean isSokuon(char c) {
        return c == SOKUON[0] || c == SOKUON[1];
    }

    private static boolean isKana(char c) {
        int script = UScript.getScript(c);
        return script == UScript.HIRAGANA || script == UScript.KATAKANA;
    }

    private String romaji(String syllable) {
        String cached = romaji.get(syllable);
        if (cached != null) {
            return cached;
        }
        String kana = NFKC_CASEFOLD.normalize(syllable);
        StringBuilder out = new StringBuilder();
        KANA_LATIN.get().transliterate(kana).codePoints().forEach(cp -> out.append(fold(cp).out));
        String result = out.toString();
        if (romaji.size() < MAX_CACHED_EXTRA) {
            romaji.put(syllable, result);
        }
        return result;
    }
}
