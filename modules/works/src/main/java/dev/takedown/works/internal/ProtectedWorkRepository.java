package dev.takedown.works.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProtectedWorkRepository extends JpaRepository<ProtectedWorkEntity, UUID> {

    List<ProtectedWorkEntity> findByOrganisationIdOrderByRegisteredAtDesc(String organisationId);
}
