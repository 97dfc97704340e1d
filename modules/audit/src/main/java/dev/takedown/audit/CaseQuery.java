package dev.takedown.audit;

import java.time.LocalDate;

/**
 * A case search over the ledger; every criterion is optional and they combine with AND. Text criteria are
 * case-insensitive substrings. {@code page} counts from 0.
 *
 * @param notifier the notifying organisation's id (the ledger records ids, not names)
 * @param work     a protected work's title, as carried by the case's filter measures
 * @param target   a target URL of one of the case's measures
 * @param from     received on or after this UTC day
 * @param to       received on or before this UTC day
 */
public record CaseQuery(
        String notifier,
        String work,
        String target,
        CaseState status,
        LocalDate from,
        LocalDate to,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;

    public CaseQuery {
        notifier = blankToNull(notifier);
        work = blankToNull(work);
        target = blankToNull(target);
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
