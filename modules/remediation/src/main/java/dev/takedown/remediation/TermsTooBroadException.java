package dev.takedown.remediation;

import java.util.List;

/**
 * Added terms that would block more than the allowed share of the benign prompt corpus: they never reach a moderator.
 */
public class TermsTooBroadException extends RuntimeException {

    private final List<TooBroadTerm> terms;

    public TermsTooBroadException(List<TooBroadTerm> terms) {
        super(terms.size() + " added term(s) would block ordinary prompts");
        this.terms = List.copyOf(terms);
    }

    public List<TooBroadTerm> terms() {
        return terms;
    }
}
