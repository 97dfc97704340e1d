package dev.takedown.notices.web;

import dev.takedown.notices.NoticeSubmission;
import java.util.Arrays;
import java.util.List;

/** The fields the signed-in notice wizard and the public complaint form share, and how they become a submission. */
public abstract class NoticeFields {

    private String notifierName;
    private String notifierEmail;
    private String workTitle;
    private String targetUrls;
    private String evidenceUrl;
    private String explanation;
    private boolean bonaFideAccurateComplete;

    /** One URL target per non-blank line. */
    List<NoticeSubmission.Target> targets() {
        return targetUrls == null
                ? List.of()
                : Arrays.stream(targetUrls.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(url -> new NoticeSubmission.Target("URL", url))
                        .toList();
    }

    List<NoticeSubmission.Work> works() {
        return blank(workTitle) ? List.of() : List.of(new NoticeSubmission.Work(workTitle.strip(), List.of()));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String emptyToNull(String s) {
        return blank(s) ? null : s.strip();
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
