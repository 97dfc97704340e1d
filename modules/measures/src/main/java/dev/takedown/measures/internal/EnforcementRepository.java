package dev.takedown.measures.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EnforcementRepository extends JpaRepository<Enforcement, UUID> {}
