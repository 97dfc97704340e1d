package dev.takedown.notices;

/**
 * What triage decides on (bpmn/triage.dmn): the governing profile, who the notifier is, the most urgent target type
 * and whether a registered work is well known.
 */
public record TriageFacts(String profile, String notifierType, String targetType, boolean wellKnownWork) {
}
