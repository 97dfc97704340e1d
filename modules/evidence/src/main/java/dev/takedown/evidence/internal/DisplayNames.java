package dev.takedown.evidence.internal;

/**
 * The declared file name made safe to store, show and send back in a Content-Disposition header: no directories,
 * no control or invisible formatting characters (CR/LF, NUL, bidi overrides), no quotes, no leading dots, bounded.
 */
public final class DisplayNames {

    static final int MAX_CODE_POINTS = 120;
    static final String FALLBACK = "evidence";

    private DisplayNames() {}

    public static String clean(String declared) {
        if (declared == null) {
            return FALLBACK;
        }
        StringBuilder kept = new StringBuilder();
        declared.codePoints().filter(DisplayNames::keep).forEach(kept::appendCodePoint);
        String name = kept.toString();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\s+", " ").replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.codePointCount(0, name.length()) > MAX_CODE_POINTS) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String stem = name.substring(0, name.length() - extension.length());
            stem = stem.substring(0, stem.offsetByCodePoints(0, MAX_CODE_POINTS - extension.length()));
            name = stem + extension;
        }
        return name.isEmpty() ? FALLBACK : name;
    }

    private static boolean keep(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint != '"'
                && type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
