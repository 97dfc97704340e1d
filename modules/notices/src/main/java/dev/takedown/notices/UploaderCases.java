package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.correspondence.Correspondence;
import dev.takedown.correspondence.LetterKind;
import dev.takedown.correspondence.LetterView;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.NoticeTarget;
import dev.takedown.notices.internal.RecordedDecision;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The case as the uploader sees it through a signed link: no notifier identity, the statement of reasons. */
@Service
public class UploaderCases {

    private final UploaderLinks links;
    private final NoticeRepository notices;
    private final Correspondence correspondence;

    UploaderCases(UploaderLinks links, NoticeRepository notices, Correspondence correspondence) {
        this.links = links;
        this.notices = notices;
        this.correspondence = correspondence;
    }

    /** Actions through a link are the uploader's, recorded under one actor id per case. */
    public static String actorFor(String caseId) {
        return "uploader:" + caseId;
    }

    /**
     * The case a token opens for {@code purpose}; empty for a token that is not ours.
     *
     * @throws UploaderLinkRefusedException for a genuine link that is expired, revoked or for another purpose
     */
    public Optional<String> caseFor(String token, UploaderLinkPurpose purpose) {
        return links.caseFor(token, purpose);
    }

    /**
     * The forwarded notice behind a link of any purpose, with the links of the answers still open.
     *
     * @throws UploaderLinkRefusedException for a genuine link that is expired or revoked
     */
    @Transactional(readOnly = true)
    public Optional<ForwardedNotice> forwarded(String token) {
        return links.caseToRead(token)
                .flatMap(caseId -> notices.findById(UUID.fromString(caseId)))
                .map(notice -> view(notice, token));
    }

    private ForwardedNotice view(Notice notice, String token) {
        String caseId = notice.getId().toString();
        String statement = correspondence.letters(notice.getId().toString()).stream()
                .filter(letter -> letter.kind() == LetterKind.FORWARDED_NOTICE)
                .map(LetterView::body)
                .findFirst()
                .orElse(null);
        return new ForwardedNotice(
                notice.getId().toString(),
                notice.getStatus(),
                notice.getWorkTitle(),
                notice.getTargets().stream().map(NoticeTarget::getUrl).toList(),
                notice.effectiveDecision().map(RecordedDecision::getMeasures).orElse(List.of()),
                statement,
                notice.governingProfile().name(),
                notice.governingProfile().family().name(),
                links.answerWith(token, caseId, UploaderLinkPurpose.COUNTER_NOTICE)
                        .orElse(null),
                links.answerWith(token, caseId, UploaderLinkPurpose.APPEAL).orElse(null));
    }

    /**
     * The forwarded notice: the work, the targets, the measures and the statement of reasons; the tokens of the
     * counter-notice and complaint links while their windows are open (null when closed, revoked or not in this law).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ForwardedNotice(
            String caseId,
            CaseStatus status,
            String workTitle,
            List<String> targetUrls,
            List<String> measures,
            String statementOfReasons,
            String profile,
            String family,
            String counterNoticeLink,
            String appealLink) {}
}
