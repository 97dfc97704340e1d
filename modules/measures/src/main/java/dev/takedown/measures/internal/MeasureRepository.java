package dev.takedown.measures.internal;

import dev.takedown.measures.MeasureStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureRepository extends JpaRepository<Measure, UUID> {

    List<Measure> findByCaseIdOrderByPlannedAt(String caseId);

    void deleteByCaseIdAndStatus(String caseId, MeasureStatus status);
}
