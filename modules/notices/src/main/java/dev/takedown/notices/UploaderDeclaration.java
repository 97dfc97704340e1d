package dev.takedown.notices;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the uploader declared when publishing the material, as the platform asks it to (Labelling Measures Art. 6(4)):
 * a declaration of AI-generated content whose implicit label is not verified is labelled "may be AI-generated"
 * (Art. 6(2)).
 */
public enum UploaderDeclaration {
    AI_GENERATED,
    NOT_AI_GENERATED;

    /** The declaration a submission names, if it is one; submissions carry it as text and are checked before storing. */
    public static Optional<UploaderDeclaration> parse(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
