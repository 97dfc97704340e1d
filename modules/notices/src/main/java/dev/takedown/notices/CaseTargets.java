package dev.takedown.notices;

import java.time.Instant;
import java.util.List;

/** A case's targets in filing order (numbered from 0, as the API names them) and when its notice arrived. */
public record CaseTargets(Instant receivedAt, List<CaseTarget> targets) {}
