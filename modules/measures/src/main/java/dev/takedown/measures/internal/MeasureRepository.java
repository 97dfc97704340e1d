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

    /** Measures in effect whose last day lies before {@code today}, oldest first. */
    List<Measure> findTop100ByStatusAndEndsOnBeforeOrderByEndsOn(MeasureStatus status, LocalDate today);

    /**
     * Serialises the platform's answers for one case's measures: a transaction-scoped PostgreSQL advisory lock on the
     * case id. The count is only there to give the statement a result.
     */
    @Query(
            value = "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked",
            nativeQuery = true)
    long lockCase(@Param("key") String key);
}
