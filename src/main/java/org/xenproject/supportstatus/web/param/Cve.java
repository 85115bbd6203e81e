package org.xenproject.supportstatus.web.param;

import java.util.Locale;
import java.util.regex.Pattern;

/** A CVE id, {@code CVE-2026-62434}, in any case: upper-cased, as advisories store them. */
public record Cve(String value) {

    private static final Pattern CVE = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,19}");

    public Cve {
        value = value.trim().toUpperCase(Locale.ROOT);
        if (!CVE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "'" + Parameters.printable(value) + "' is not a CVE id such as CVE-2026-62434");
        }
    }

    /** The id, or null for none. */
    public static String valueOf(Cve cve) {
        return cve == null ? null : cve.value();
    }
}
