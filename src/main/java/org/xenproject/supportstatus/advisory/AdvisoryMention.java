package org.xenproject.supportstatus.advisory;

/**
 * An XSA a commit message says it fixes: {@code This is XSA-507.} is 507, whole;
 * {@code This is part of XSA-400.} is 400, part of it (docs/advisories.md).
 *
 * @param number the advisory's number, at least 1
 * @param partOf whether every fix sentence naming it says the commit is only part of the fix
 */
public record AdvisoryMention(int number, boolean partOf) {

    public AdvisoryMention {
        if (number < 1) {
            throw new IllegalArgumentException("XSA numbers start at 1: " + number);
        }
    }

    /** As xenbits and the API spell it: {@code XSA-507}. */
    public String id() {
        return "XSA-" + number;
    }
}
