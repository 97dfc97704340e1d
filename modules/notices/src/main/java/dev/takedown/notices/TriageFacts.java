package dev.takedown.notices;

/**
 * What triage decides on (bpmn/triage.dmn): the governing profile, who the notifier is, the most urgent target type,
 * whether a registered work is well known, and whether the notifier claims authorship of an AI-assisted work (it
 * brought creation evidence).
 */
public record TriageFacts(
        String profile, String notifierType, TargetType targetType, boolean wellKnownWork, boolean aiAssistedWork) {

    public TriageFacts(String profile, String notifierType, TargetType targetType, boolean wellKnownWork) {
        this(profile, notifierType, targetType, wellKnownWork, false);
    }
}
