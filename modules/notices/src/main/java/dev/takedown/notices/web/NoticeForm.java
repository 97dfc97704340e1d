package dev.takedown.notices.web;

import dev.takedown.notices.NoticeSubmission;
import java.util.List;

/** The "File a notice" page's fields; a flat form that becomes a {@link NoticeSubmission}. */
public class NoticeForm extends NoticeFields {

    private String profile = "CN_CC_1195";
    private String notifierPhone;
    private String postalAddress;
    private String identityType;
    private String identityNumber;
    private String signature;
    private String evidenceDescription;
    private boolean goodFaith;
    private boolean accuracyAuthorityPerjury;
    private boolean truthfulnessResponsibility;

    NoticeSubmission toSubmission() {
        List<NoticeSubmission.Evidence> evidence = blank(getEvidenceUrl()) && blank(evidenceDescription)
                ? List.of()
                : List.of(new NoticeSubmission.Evidence(
                        "DOCUMENT", emptyToNull(getEvidenceUrl()), emptyToNull(evidenceDescription), null));
        NoticeSubmission.IdentityDocument identity = blank(identityType) && blank(identityNumber)
                ? null
                : new NoticeSubmission.IdentityDocument(emptyToNull(identityType), emptyToNull(identityNumber));
        return new NoticeSubmission(
                List.of(profile),
                null,
                new NoticeSubmission.Notifier(
                        "RIGHTS_HOLDER",
                        emptyToNull(getNotifierName()),
                        emptyToNull(getNotifierEmail()),
                        emptyToNull(notifierPhone),
                        emptyToNull(postalAddress),
                        null,
                        identity),
                null,
                blank(signature) ? null : new NoticeSubmission.Signature("electronic", signature, null),
                null,
                works(),
                targets(),
                evidence,
                emptyToNull(getExplanation()),
                List.of(),
                new NoticeSubmission.Attestations(
                        goodFaith, accuracyAuthorityPerjury, isBonaFideAccurateComplete(), truthfulnessResponsibility));
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
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

    public String getEvidenceDescription() {
        return evidenceDescription;
    }

    public void setEvidenceDescription(String evidenceDescription) {
        this.evidenceDescription = evidenceDescription;
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
}
