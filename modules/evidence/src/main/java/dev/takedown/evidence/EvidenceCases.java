package dev.takedown.evidence;

import dev.takedown.kernel.Caller;
import java.util.Optional;

/**
 * The cases evidence files belong to, as their owning module answers for a caller. Evidence has no cases of its own,
 * and the module owning them already depends on evidence, so it provides this port instead of evidence calling it.
 */
public interface EvidenceCases {

    /**
     * The case if the caller may read it; another organisation's case is indistinguishable from none. Staff reads
     * go on the access log, as every read of a case does.
     */
    Optional<ReadableCase> readable(String caseId, Caller caller);

    /**
     * @param status where the case stands, as its owner names it
     * @param open   whether the case still takes evidence
     */
    record ReadableCase(String status, boolean open) {}
}
