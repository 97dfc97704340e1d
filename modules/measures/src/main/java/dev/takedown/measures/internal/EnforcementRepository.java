package dev.takedown.measures.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface EnforcementRepository extends JpaRepository<Enforcement, UUID> {

    /**
     * Waits for the platform's answer to a command of a newer version, in one statement: the lifecycle's transaction
     * that lifts a measure must not fail because the answer to its application was recorded meanwhile. A command
     * published again (the same version) changes nothing.
     *
     * @return 1 when the command is new, 0 when it was requested already
     */
    @Modifying
    @Transactional
    @Query(value = """
                    insert into measure_enforcement (measure_id, command_version, state, requested_at, attempts, version)
                    values (:measureId, :commandVersion, :state, :at, 1, 0)
                    on conflict (measure_id) do update set command_version = excluded.command_version,
                        state = excluded.state, requested_at = excluded.requested_at, attempts = 1, failure = null,
                        failure_detail = null, version = measure_enforcement.version + 1
                    where measure_enforcement.command_version < excluded.command_version
                    """, nativeQuery = true)
    int request(
            @Param("measureId") UUID measureId,
            @Param("commandVersion") long commandVersion,
            @Param("state") String state,
            @Param("at") Instant at);
}
