package dev.takedown.correspondence.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters without a receipt count as delivered once the configured time after sending has passed without a bounce
 * ({@code takedown.correspondence.deemed-delivery}); each at the moment it was deemed to arrive, however late this
 * sweep runs.
 */
@Component
public class DeemedDeliveries {

    private final LetterStore store;
    private final LetterProgress progress;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeemedDeliveries(LetterStore store, LetterProgress progress, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.progress = progress;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${takedown.correspondence.deemed-interval:PT1M}",
            fixedDelayString = "${takedown.correspondence.deemed-interval:PT1M}")
    public void deliverDue() {
        List<UUID> due;
        do {
            due = store.deemedDue(clock.instant(), 100);
            due.forEach(
                    id -> transactions.executeWithoutResult(tx -> store.find(id).ifPresent(progress::deemed)));
        } while (due.size() == 100);
    }
}
