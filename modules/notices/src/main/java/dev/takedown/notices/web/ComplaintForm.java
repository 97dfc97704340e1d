package dev.takedown.notices.web;

import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeSubmission;
import java.util.Arrays;
import java.util.List;

/** The public complaint channel's form: an EU_DSA notice (Art. 16(2)) from anyone, without an account. */
public class ComplaintForm {

    private String notifierName;
    private String notifierEmail;
    private String workTitle;
    private String targetUrls;
    private String evidenceUrl;
    private String explanation;
    private boolean bonaFideAccurateComplete;

    NoticeSubmission toSubmission() {
        List<NoticeSubmission.Target> targets = targetUrls == null ? List.of()
                : Arrays.stream(targetUrls.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(url -> new NoticeSubmission.Target("URL", url)).toList();
        return new NoticeSubmission(List.of(JurisdictionProfile.EU_DSA.name()), null,
                new NoticeSubmission.Notifier("INDIVIDUAL", strip(notifierName), strip(notifierEmail), null, null,
                        null, null),
                null, null, null,
                strip(workTitle) == null ? List.of() : List.of(new NoticeSubmission.Work(strip(workTitle), List.of())),
                targets,
                strip(evidenceUrl) == null ? List.of()
                        : List.of(new NoticeSubmission.Evidence("DOCUMENT", strip(evidenceUrl), null, null)),
                strip(explanation), List.of(),
                new NoticeSubmission.Attestations(null, null, bonaFideAccurateComplete, null));
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getNotifierName() {
        return notifierName;
    }

    public void setNotifierName(String notifierName) {
        this.notifierName = notifierName;
    }

    public String getNotifierEmail() {
        return notifierEmail;
    }

    public void setNotifierEmail(String notifierEmail) {
        this.notifierEmail = notifierEmail;
    }

    public String getWorkTitle() {
        return workTitle;
    }

    public void setWorkTitle(String workTitle) {
        this.workTitle = workTitle;
    }

    public String getTargetUrls() {
        return targetUrls;
    }

    public void setTargetUrls(String targetUrls) {
        this.targetUrls = targetUrls;
    }

    public String getEvidenceUrl() {
        return evidenceUrl;
    }

    public void setEvidenceUrl(String evidenceUrl) {
        this.evidenceUrl = evidenceUrl;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    public boolean isBonaFideAccurateComplete() {
        return bonaFideAccurateComplete;
    }

    public void setBonaFideAccurateComplete(boolean bonaFideAccurateComplete) {
        this.bonaFideAccurateComplete = bonaFideAccurateComplete;
    }
}
