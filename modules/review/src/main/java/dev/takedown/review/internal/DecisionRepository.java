package dev.takedown.review.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionRepository extends JpaRepository<DecisionRecord, String> {

    List<DecisionRecord> findByCaseIdOrderByDecidedAt(String caseId);
}
