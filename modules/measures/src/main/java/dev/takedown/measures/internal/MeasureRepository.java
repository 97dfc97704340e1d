package dev.takedown.measures.internal;

import dev.takedown.measures.MeasureStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureRepository extends JpaRepository<Measure, UUID> {

    List<Measure> findByCaseIdOrderByPlannedAt(String caseId);

    void deleteByCaseIdAndStatus(String caseId, MeasureStatus status);

    /** Measures in effect whose last day lies before {@code today}, oldest first. */
    List<Measure> findTop100ByStatusAndEndsOnBeforeOrderByEndsOn(MeasureStatus status, LocalDate today);
}
