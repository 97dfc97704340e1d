package dev.takedown.measures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The explicit label a dissemination platform shows beside content (Labelling Measures Art. 6), in the words of the
 * Measures: a {@link MeasureType#LABEL} measure carries its text to the platform.
 */
public enum ExplicitLabel {
    /** The uploader declared the content AI-generated, and no implicit label was verified in its metadata (Art. 6(2)). */
    MAY_BE_AI_GENERATED("该内容可能为生成合成内容", "This content may be AI-generated");

    private final Map<String, String> texts;

    ExplicitLabel(String zhCn, String en) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        byLanguage.put("zh-CN", zhCn);
        byLanguage.put("en", en);
        this.texts = Map.copyOf(byLanguage);
    }

    /** The label's text by language tag ({@code zh-CN}, {@code en}). */
    public Map<String, String> texts() {
        return texts;
    }

    /** The label the Measures prescribe for the target, if any; the platform labels verified content itself. */
    public static Optional<ExplicitLabel> prescribedFor(MeasureTarget target) {
        return target.declaredAiGenerated() && !target.implicitLabelVerified()
                ? Optional.of(MAY_BE_AI_GENERATED)
                : Optional.empty();
    }
}
