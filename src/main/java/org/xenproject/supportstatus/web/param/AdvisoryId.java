package org.xenproject.supportstatus.web.param;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Xen Security Advisory as a URL names it: {@code XSA-507} (any case) or {@code 507}. */
public record AdvisoryId(int number) {

    private static final Pattern ID = Pattern.compile("(?i:xsa-)?0*([1-9][0-9]{0,8})");

    public AdvisoryId {
        if (number < 1) {
            throw new IllegalArgumentException("an advisory's number is at least 1");
        }
    }

    static AdvisoryId parse(String text) {
        Matcher m = ID.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + Parameters.printable(text) + "' is not an advisory: use XSA-507 or 507");
        }
        return new AdvisoryId(Integer.parseInt(m.group(1)));
    }
}
