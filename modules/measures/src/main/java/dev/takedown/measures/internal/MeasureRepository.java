package dev.takedown.measures.internal;

import dev.takedown.measures.MeasureStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MeasureRepository extends JpaRepository<Measure, UUID> {

    List<Measure> findByCaseIdOrderByPlannedAt(String caseId);

    void deleteByCaseIdAndStatus(String caseId, MeasureStatus status);

    /**
     * Decisions' measures in effect whose last day lies before {@code today}, oldest first; an account measure of the
     * standing ends when the suspension does.
     */
    List<Measure> findTop100ByStatusAndStandingChangeIdIsNullAndEndsOnBeforeOrderByEndsOn(
            MeasureStatus status, LocalDate today);

    /** The account measures of the standing that {@code accountId} is under, in {@code status}. */
    List<Measure> findByAccountIdAndStatusAndStandingChangeIdIsNotNull(String accountId, MeasureStatus status);

    /**
     * Serialises the platform's answers for one case's measures: a transaction-scoped PostgreSQL advisory lock on the
     * case id. The count is only there to give the statement a result.
     */
    @Query(
            value = "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked",
            nativeQuery = true)
    long lockCase(@Param("key") String key);
}
