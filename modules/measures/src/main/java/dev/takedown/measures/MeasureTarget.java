package dev.takedown.measures;

/** Where a target measure acts, and the uploader account that posted the material (strikes count per account). */
public record MeasureTarget(String url, String accountId) {
}
