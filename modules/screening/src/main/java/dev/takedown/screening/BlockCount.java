package dev.takedown.screening;

/**
 * How often one measure stopped a request on this node since it started.
 *
 * @param blocked  BLOCK verdicts naming the measure (prompts and images)
 * @param reviewed REVIEW verdicts naming the measure
 * @param sampled  of those, how many were sampled to the audit ledger
 */
public record BlockCount(long blocked, long reviewed, long sampled) {}
