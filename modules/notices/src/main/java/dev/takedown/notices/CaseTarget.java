package dev.takedown.notices;

/** A target of a case: where the material is, and the uploader account that posted it when known. */
public record CaseTarget(String url, String accountId) {
}
