package dev.takedown.measures.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureRepository extends JpaRepository<Measure, UUID> {

    List<Measure> findByCaseIdOrderByPlannedAt(String caseId);

    void deleteByCaseIdAndStatus(String caseId, Measure.Status status);
}
