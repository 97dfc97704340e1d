package dev.takedown.measures;

/**
 * Where a measure stands: planned at decision time, applied when the lifecycle reaches that step, lifted on
 * restoration, retraction or a reversed decision. A planned measure that a second reviewer overturned is deleted,
 * never applied.
 */
public enum MeasureStatus {
    PLANNED,
    APPLIED,
    LIFTED
}
