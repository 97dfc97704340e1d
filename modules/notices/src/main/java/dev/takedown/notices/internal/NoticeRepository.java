package dev.takedown.notices.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NoticeRepository extends JpaRepository<Notice, UUID> {

    Optional<Notice> findByOrganisationIdAndIdempotencyKey(String organisationId, String idempotencyKey);

    List<Notice> findByOrganisationIdOrderByReceivedAtDesc(String organisationId);

    List<Notice> findTop200ByOrderByReceivedAtDesc();
}
