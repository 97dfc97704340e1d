package dev.takedown.notices.web;

import dev.takedown.notices.CounterNoticeSubmission;
import dev.takedown.notices.NoticeSubmission;
import java.util.List;

/**
 * The uploader's counter-notice page: one flat form for both laws (CN: Civil Code 1196 declaration; US: 17 U.S.C.
 * 512(g)(3)); the page shows the inputs of the case's family.
 */
public class CounterNoticeForm {

    private String legalName;
    private String identityType;
    private String identityNumber;
    private String address;
    private String phone;
    private String email;
    private String materialIdentification;
    private String priorLocation;
    private String evidenceDescription;
    private String evidenceUrl;
    private boolean truthfulnessResponsibility;
    private boolean mistakeStatement;
    private boolean consentToJurisdiction;
    private boolean acceptServiceOfProcess;
    private String signature;

    CounterNoticeSubmission toSubmission() {
        List<NoticeSubmission.Evidence> evidence = strip(evidenceDescription) == null && strip(evidenceUrl) == null
                ? List.of()
                : List.of(new NoticeSubmission.Evidence(
                        "DOCUMENT", strip(evidenceUrl), strip(evidenceDescription), null));
        return new CounterNoticeSubmission(
                new CounterNoticeSubmission.User(
                        strip(legalName),
                        strip(identityType) == null && strip(identityNumber) == null
                                ? null
                                : new NoticeSubmission.IdentityDocument(strip(identityType), strip(identityNumber)),
                        strip(address),
                        strip(phone),
                        strip(email)),
                new CounterNoticeSubmission.Material(strip(materialIdentification), strip(priorLocation)),
                evidence,
                new CounterNoticeSubmission.Statement(mistakeStatement),
                consentToJurisdiction,
                acceptServiceOfProcess,
                strip(signature) == null ? null : new NoticeSubmission.Signature("electronic", strip(signature), null),
                new NoticeSubmission.Attestations(null, null, null, truthfulnessResponsibility),
                null);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String v) {
        legalName = v;
    }

    public String getIdentityType() {
        return identityType;
    }

    public void setIdentityType(String v) {
        identityType = v;
    }

    public String getIdentityNumber() {
        return identityNumber;
    }

    public void setIdentityNumber(String v) {
        identityNumber = v;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String v) {
        address = v;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String v) {
        phone = v;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String v) {
        email = v;
    }

    public String getMaterialIdentification() {
        return materialIdentification;
    }

    public void setMaterialIdentification(String v) {
        materialIdentification = v;
    }

    public String getPriorLocation() {
        return priorLocation;
    }

    public void setPriorLocation(String v) {
        priorLocation = v;
    }

    public String getEvidenceDescription() {
        return evidenceDescription;
    }

    public void setEvidenceDescription(String v) {
        evidenceDescription = v;
    }

    public String getEvidenceUrl() {
        return evidenceUrl;
    }

    public void setEvidenceUrl(String v) {
        evidenceUrl = v;
    }

    public boolean isTruthfulnessResponsibility() {
        return truthfulnessResponsibility;
    }

    public void setTruthfulnessResponsibility(boolean v) {
        truthfulnessResponsibility = v;
    }

    public boolean isMistakeStatement() {
        return mistakeStatement;
    }

    public void setMistakeStatement(boolean v) {
        mistakeStatement = v;
    }

    public boolean isConsentToJurisdiction() {
        return consentToJurisdiction;
    }

    public void setConsentToJurisdiction(boolean v) {
        consentToJurisdiction = v;
    }

    public boolean isAcceptServiceOfProcess() {
        return acceptServiceOfProcess;
    }

    public void setAcceptServiceOfProcess(boolean v) {
        acceptServiceOfProcess = v;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String v) {
        signature = v;
    }
}
