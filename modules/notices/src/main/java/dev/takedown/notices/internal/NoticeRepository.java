package dev.takedown.notices.internal;

import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.TargetType;
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

    /** An organisation's cases, newest first, with their targets counted by the database, not loaded. */
    @Query("select new dev.takedown.notices.internal.ListedCase(n.id, n.status, n.workTitle, size(n.targets), "
            + "n.receivedAt) from Notice n where n.organisationId = :organisationId order by n.receivedAt desc")
    List<ListedCase> listOrganisation(@Param("organisationId") String organisationId);

    /** The newest cases of all organisations, as {@link #listOrganisation} counts them. */
    @Query("select new dev.takedown.notices.internal.ListedCase(n.id, n.status, n.workTitle, size(n.targets), "
            + "n.receivedAt) from Notice n order by n.receivedAt desc")
    List<ListedCase> listNewest(Limit limit);

    List<Notice> findByJoinedCaseId(UUID caseId);

    /** A case's first target URLs, in the order the notice named them. */
    @Query("select t.url from Notice n join n.targets t where n.id = :caseId order by t.position")
    List<String> findTargetUrls(@Param("caseId") UUID caseId, Limit limit);

    /** The kinds of target a case names, each once, however many targets it has. */
    @Query("select distinct t.type from Notice n join n.targets t where n.id = :caseId")
    List<TargetType> findTargetTypes(@Param("caseId") UUID caseId);

    /** The oldest notices in {@code status} received before {@code before}: unconfirmed ones whose link expired. */
    List<Notice> findTop100ByStatusAndReceivedAtBeforeOrderByReceivedAt(CaseStatus status, Instant before);

    /** Other cases that named any of these targets, newest first: what a reviewer should see before deciding. */
    @Query("select new dev.takedown.notices.internal.ListedCase(n.id, n.status, n.workTitle, size(n.targets), "
            + "n.receivedAt) from Notice n where n.id <> :caseId and n.id in (select m.id from Notice m "
            + "join m.targets t where t.url in :urls) order by n.receivedAt desc")
    List<ListedCase> listOthersOnTargets(
            @Param("urls") Collection<String> urls, @Param("caseId") UUID caseId, Limit limit);

    /** The notifier's cases in {@code status} on any of the targets, newest first. */
    @Query("select distinct n from Notice n join n.targets t where t.url in :urls and n.status = :status "
            + "and coalesce(n.notifierParty, n.organisationId) = :party order by n.receivedAt desc")
    List<Notice> findNotifiersOnTargets(
            @Param("urls") Collection<String> urls,
            @Param("status") CaseStatus status,
            @Param("party") String party,
            Limit limit);

    /** The oldest case that is still open on any of the targets; new notices on them join it. */
    @Query("select n from Notice n join n.targets t where t.url in :urls and n.status in :open "
            + "and n.joinedCaseId is null order by n.receivedAt")
    List<Notice> findOpenOnTargets(
            @Param("urls") Collection<String> urls, @Param("open") Collection<CaseStatus> open, Limit limit);
}
