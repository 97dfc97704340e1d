package dev.takedown.correspondence;

import java.util.Locale;

/**
 * Who a letter is for.
 *
 * @param party    a stable name of the party on the case: the notifier's organisation, the uploader's account or URL
 * @param name     how to address them, if known
 * @param email    where it is sent; {@code null} or blank when the party has no address (the letter is kept, not sent)
 * @param language the language they read; letters are written in Chinese for any {@code zh} locale, else English
 */
public record Recipient(PartyRole role, String party, String name, String email, Locale language) {}
