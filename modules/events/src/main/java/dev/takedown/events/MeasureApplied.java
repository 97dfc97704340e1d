package dev.takedown.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A measure took effect; platform enforcement adapters and screening nodes act on it.
 *
 * @param rule       what a filter measure blocks; null for measures on a single target (e.g. {@code DELETE})
 * @param fileSha256 the file a {@code BLOCK_REUPLOAD} refuses (a model or LoRA); null for other measures
 * @param version    the measure's state version: it grows with every change of the measure, so a consumer keeps the
 *                   highest it saw per measure and ignores a record with a lower or equal one (a resubmitted outbox
 *                   row); null only in records written before versions existed
 * @param labelTexts the explicit label a {@code LABEL} measure asks the platform to show beside the content, by
 *                   language tag ({@code zh-CN}, {@code en}), in the words of the Labelling Measures: "may be
 *                   AI-generated" where the uploader declared the content AI-generated and no implicit label was
 *                   verified in its metadata (Art. 6(2)); null when the measure prescribes no text
 * @param modelName    the blocked model's name on the platform, for a {@code BLOCK_REUPLOAD}: a re-upload under the
 *                     same name tokens is a similar upload; null when the notice named none
 * @param similarUploads what screening answers for a similar upload, decided by the case's jurisdiction profile;
 *                     null for other measures (and in older records: screening then holds for review)
 * @param countries    where the measure restricts, ISO 3166-1 alpha-2 codes; empty (null in older records) =
 *                     worldwide
 * @param endsOn       the last day the measure applies; null = until further notice
 * @param accountId    the uploader account an account measure ({@code ACCOUNT_SUSPEND}, {@code ACCOUNT_TERMINATE})
 *                     acts on; null for other measures
 * @param standingChangeId the change of the account's standing (DSA Art. 23: a suspension or termination) this
 *                     measure carries out; null for a moderator's measure. Such a measure follows the standing: it
 *                     ends when the suspension does, not with the case's other measures
 */
@EventType(value = "dev.takedown.measure.applied.v1", topic = Topics.MEASURES)
public record MeasureApplied(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String measureId,
        String type,
        String targetUrl,
        ScreeningRule rule,
        String fileSha256,
        Long version,
        Map<String, String> labelTexts,
        String modelName,
        SimilarUploads similarUploads,
        List<String> countries,
        LocalDate endsOn,
        String accountId,
        String standingChangeId)
        implements TakedownEvent {

    public MeasureApplied(
            UUID eventId,
            Instant occurredAt,
            String caseId,
            String actor,
            String measureId,
            String type,
            String targetUrl,
            ScreeningRule rule,
            String fileSha256,
            Long version,
            Map<String, String> labelTexts,
            String modelName,
            SimilarUploads similarUploads) {
        this(
                eventId,
                occurredAt,
                caseId,
                actor,
                measureId,
                type,
                targetUrl,
                rule,
                fileSha256,
                version,
                labelTexts,
                modelName,
                similarUploads,
                List.of(),
                null,
                null,
                null);
    }

    public MeasureApplied(
            UUID eventId,
            Instant occurredAt,
            String caseId,
            String actor,
            String measureId,
            String type,
            String targetUrl,
            ScreeningRule rule,
            String fileSha256,
            Long version) {
        this(
                eventId,
                occurredAt,
                caseId,
                actor,
                measureId,
                type,
                targetUrl,
                rule,
                fileSha256,
                version,
                null,
                null,
                null);
    }

    public MeasureApplied(
            UUID eventId,
            Instant occurredAt,
            String caseId,
            String actor,
            String measureId,
            String type,
            String targetUrl,
            ScreeningRule rule) {
        this(eventId, occurredAt, caseId, actor, measureId, type, targetUrl, rule, null, null);
    }

    @Override
    public String key() {
        return measureId;
    }
}
