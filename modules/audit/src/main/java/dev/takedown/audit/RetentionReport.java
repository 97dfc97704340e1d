package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.Period;
import java.util.List;

/**
 * What is due for purging as of {@code asOf}, per record class (records past their period whose content is still
 * there: not yet purged, or written before format 4 and so not purgeable), and what legal holds keep.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RetentionReport(Instant asOf, List<ClassDue> classes) {

    public enum RecordClass {
        /** Everything about a case except access logs; due when the case's last such record is older. */
        CASE_FILES,
        /** Who viewed what (takedown.access-log); due record by record. */
        ACCESS_LOGS,
        /** Notices as filed by portals on Kafka (takedown.notices.inbound), with the notifier's details; by record. */
        INBOUND_NOTICES,
        /**
         * Outputs provided without the explicit label under the user agreement's exception
         * (takedown.aigc.unlabelled-outputs, Labelling Measures Art. 9); by record.
         */
        UNLABELLED_OUTPUTS
    }

    /**
     * @param recordsDue records older than the cutoff and not held
     * @param casesDue   cases with records due
     * @param casesHeld  cases that would be due but are under legal hold
     * @param sample     up to {@value Retention#SAMPLE} case ids due, oldest first
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ClassDue(
            RecordClass recordClass,
            Period period,
            Instant cutoff,
            long recordsDue,
            long casesDue,
            long casesHeld,
            List<String> sample) {}
}
