package dev.takedown.notices;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * What a target of a notice is (legal-requirements §6.1). Declared from the most to the least urgent, the order triage
 * ranks a case's targets in: live AIGC generation first, since that harm repeats on every prompt.
 */
public enum TargetType {
    GENERATED_OUTPUT,
    PROMPT_PATTERN,
    MODEL,
    LORA,
    DATASET_ITEM,
    ACCOUNT,
    LISTING,
    POST,
    URL;

    /** The type a submission names, if it is one; submissions carry it as text and are checked before storing. */
    public static Optional<TargetType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    /** The most urgent of the types, {@link #URL} when there are none. */
    public static TargetType mostUrgent(Collection<TargetType> types) {
        return types.stream().min(Enum::compareTo).orElse(URL);
    }
}
