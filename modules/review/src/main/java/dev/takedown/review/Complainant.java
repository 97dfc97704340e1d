package dev.takedown.review;

/** Who files a complaint. */
public enum Complainant {
    NOTIFIER,
    UPLOADER
}
