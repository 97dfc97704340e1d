package dev.takedown.notices;

import dev.takedown.evidence.EvidenceCases;
import dev.takedown.kernel.Caller;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The evidence module's view of a case: the case's own tenancy rule and access log, open while the case is. */
@Component
class NoticeEvidenceCases implements EvidenceCases {

    private final NoticeCases cases;

    NoticeEvidenceCases(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public Optional<ReadableCase> readable(String caseId, Caller caller) {
        return cases.find(caseId, caller)
                .map(view ->
                        new ReadableCase(view.status().name(), view.status().isOpen()));
    }
}
