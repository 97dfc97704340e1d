package dev.takedown.notices.internal;

import dev.takedown.notices.CaseStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NoticeRepository extends JpaRepository<Notice, UUID> {

    Optional<Notice> findByOrganisationIdAndIdempotencyKey(String organisationId, String idempotencyKey);

    List<Notice> findByOrganisationIdOrderByReceivedAtDesc(String organisationId);

    List<Notice> findTop200ByOrderByReceivedAtDesc();

    List<Notice> findByJoinedCaseId(UUID caseId);

    /** The oldest notices in {@code status} received before {@code before}: unconfirmed ones whose link expired. */
    List<Notice> findTop100ByStatusAndReceivedAtBeforeOrderByReceivedAt(CaseStatus status, Instant before);

    /** Other cases that named any of these targets, newest first: what a reviewer should see before deciding. */
    @Query("select distinct n from Notice n join n.targets t where t.url in :urls and n.id <> :caseId "
            + "order by n.receivedAt desc")
    List<Notice> findOthersOnTargets(@Param("urls") Collection<String> urls, @Param("caseId") UUID caseId, Limit limit);

    /** The oldest case that is still open on any of the targets; new notices on them join it. */
    @Query("select n from Notice n join n.targets t where t.url in :urls and n.status in :open "
            + "and n.joinedCaseId is null order by n.receivedAt")
    List<Notice> findOpenOnTargets(
            @Param("urls") Collection<String> urls, @Param("open") Collection<CaseStatus> open, Limit limit);
}
