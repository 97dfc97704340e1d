package dev.takedown.notices.web;

import dev.takedown.notices.NoticeSubmission;
import java.util.Arrays;
import java.util.List;

/** The "File a notice" page's fields; a flat form that becomes a {@link NoticeSubmission}. */
public class NoticeForm {

    private String profile = "CN_CC_1195";
    private String notifierName;
    private String notifierEmail;
    private String notifierPhone;
    private String postalAddress;
    private String identityType;
    private String identityNumber;
    private String signature;
    private String workTitle;
    private String targetUrls;
    private String evidenceUrl;
    private String evidenceDescription;
    private String explanation;
    private boolean goodFaith;
    private boolean accuracyAuthorityPerjury;
    private boolean truthfulnessResponsibility;
    private boolean bonaFideAccurateComplete;

    NoticeSubmission toSubmission() {
        List<NoticeSubmission.Target> targets = targetUrls == null ? List.of()
                : Arrays.stream(targetUrls.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(url -> new NoticeSubmission.Target("URL", url)).toList();
        List<NoticeSubmission.Evidence> evidence = blank(evidenceUrl) && blank(evidenceDescription) ? List.of()
                : List.of(new NoticeSubmission.Evidence("DOCUMENT", emptyToNull(evidenceUrl),
                        emptyToNull(evidenceDescription), null));
        return new NoticeSubmission(List.of(profile), null,
                new NoticeSubmission.Notifier("RIGHTS_HOLDER", emptyToNull(notifierName), emptyToNull(notifierEmail),
                        emptyToNull(notifierPhone), emptyToNull(postalAddress), null, blank(identityType) && blank(identityNumber) ? null
                                : new NoticeSubmission.IdentityDocument(emptyToNull(identityType),
                                        emptyToNull(identityNumber))),
                null, blank(signature) ? null : new NoticeSubmission.Signature("electronic", signature, null), null,
                blank(workTitle) ? List.of() : List.of(new NoticeSubmission.Work(workTitle, List.of())), targets,
                evidence, emptyToNull(explanation), List.of(),
                new NoticeSubmission.Attestations(goodFaith, accuracyAuthorityPerjury, bonaFideAccurateComplete,
                        truthfulnessResponsibility));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
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

    public String getIdentityType() {
        return identityType;
    }

    public void setIdentityType(String identityType) {
        this.identityType = identityType;
    }

    public String getIdentityNumber() {
        return identityNumber;
    }

    public void setIdentityNumber(String identityNumber) {
        this.identityNumber = identityNumber;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
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

    public String getEvidenceDescription() {
        return evidenceDescription;
    }

    public void setEvidenceDescription(String evidenceDescription) {
        this.evidenceDescription = evidenceDescription;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    public boolean isGoodFaith() {
        return goodFaith;
    }

    public void setGoodFaith(boolean goodFaith) {
        this.goodFaith = goodFaith;
    }

    public boolean isAccuracyAuthorityPerjury() {
        return accuracyAuthorityPerjury;
    }

    public void setAccuracyAuthorityPerjury(boolean accuracyAuthorityPerjury) {
        this.accuracyAuthorityPerjury = accuracyAuthorityPerjury;
    }

    public boolean isTruthfulnessResponsibility() {
        return truthfulnessResponsibility;
    }

    public void setTruthfulnessResponsibility(boolean truthfulnessResponsibility) {
        this.truthfulnessResponsibility = truthfulnessResponsibility;
    }

    public String getNotifierPhone() {
        return notifierPhone;
    }

    public void setNotifierPhone(String notifierPhone) {
        this.notifierPhone = notifierPhone;
    }

    public String getPostalAddress() {
        return postalAddress;
    }

    public void setPostalAddress(String postalAddress) {
        this.postalAddress = postalAddress;
    }

    public boolean isBonaFideAccurateComplete() {
        return bonaFideAccurateComplete;
    }

    public void setBonaFideAccurateComplete(boolean bonaFideAccurateComplete) {
        this.bonaFideAccurateComplete = bonaFideAccurateComplete;
    }
}
