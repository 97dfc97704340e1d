package dev.takedown.notices.web;

import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeSubmission;
import java.util.List;

/** The public complaint channel's form: an EU_DSA notice (Art. 16(2)) from anyone, without an account. */
public class ComplaintForm extends NoticeFields {

    NoticeSubmission toSubmission() {
        String evidenceUrl = emptyToNull(getEvidenceUrl());
        return new NoticeSubmission(
                List.of(JurisdictionProfile.EU_DSA.name()),
                null,
                new NoticeSubmission.Notifier(
                        "INDIVIDUAL",
                        emptyToNull(getNotifierName()),
                        emptyToNull(getNotifierEmail()),
                        null,
                        null,
                        null,
                        null),
                null,
                null,
                null,
                works(),
                targets(),
                evidenceUrl == null
                        ? List.of()
                        : List.of(new NoticeSubmission.Evidence("DOCUMENT", evidenceUrl, null, null)),
                emptyToNull(getExplanation()),
                List.of(),
                new NoticeSubmission.Attestations(null, null, isBonaFideAccurateComplete(), null));
    }
}
