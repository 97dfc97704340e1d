package dev.takedown.remediation.internal;

import dev.takedown.remediation.RemediationStatus;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RemediationRepository extends JpaRepository<Remediation, UUID> {

    Optional<Remediation> findByCaseId(String caseId);

    /** The case's remediation with its row locked until the transaction ends: moves on one case never interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Remediation r where r.caseId = :caseId")
    Optional<Remediation> lockByCaseId(@Param("caseId") String caseId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Remediation r where r.id = :id")
    Optional<Remediation> lockById(@Param("id") UUID id);

    List<Remediation> findByStatusInOrderByDueAt(Collection<RemediationStatus> statuses);

    List<Remediation> findByOwnerIdAndStatusInOrderByDueAt(String ownerId, Collection<RemediationStatus> statuses);

    /**
     * Serialises the first opening of a case's remediation, which has no row to lock yet: a transaction-scoped
     * PostgreSQL advisory lock on the case id. The count is only there to give the statement a result.
     */
    @Query(
            value = "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked",
            nativeQuery = true)
    long lockCase(@Param("key") String key);

    /** Remediations opened before owners were recorded belong to the default owner. */
    @Modifying
    @Query("update Remediation r set r.ownerId = :ownerId where r.ownerId is null")
    int claimUnowned(@Param("ownerId") String ownerId);
}
