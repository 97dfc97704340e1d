package dev.takedown.notices;

/** No such case, or not one the caller may see: the two are indistinguishable on purpose. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseId) {
        super("no case " + caseId);
    }
}
