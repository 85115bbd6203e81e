package org.xenproject.supportstatus.advisory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How XSA and CVE ids are spelled in commit messages, and which spellings are taken
 * (docs/advisories.md, "Ids").
 */
final class AdvisoryIds {

    enum Kind {
        XSA,
        CVE,
        /** Looks like an id, is not a usable one (CVE-2015-xxxx, XSA-0): left out, with a warning. */
        UNUSABLE
    }

    /**
     * One id in the text.
     *
     * @param value   {@code 507} for an XSA, {@code CVE-2026-62434} for a CVE, the text as written when unusable
     * @param warning why the spelling is odd, or {@code null} for the usual one
     */
    record Id(Kind kind, String value, int start, int end, String warning) {

        int number() {
            return Integer.parseInt(value);
        }
    }

    private static final String NOT_WORD = "(?![\\p{L}\\p{N}_])";

    /** XSA-507; also XSA 507, XSA507, xsa-507 (each warned). */
    private static final Pattern XSA = Pattern.compile("(?i:xsa)([- ]?)(\\d+)" + NOT_WORD);

    private static final Pattern CVE = Pattern.compile("(?i:cve)-(\\d{4})-(\\d{4,19})" + NOT_WORD);

    /** Something that starts like a CVE id and is not one, such as the placeholder CVE-2015-xxxx. */
    private static final Pattern CVE_LOOKALIKE = Pattern.compile("(?i:cve)-[\\p{L}\\p{N}_-]*");

    /** Any id, in any spelling, anywhere: for the text after a list of fixes. */
    private static final Pattern ANYWHERE =
            Pattern.compile("(?<![\\p{L}\\p{N}_])(?:(?i:xsa)[- ]?\\d+|(?i:cve)-[\\p{L}\\p{N}_-]+)" + NOT_WORD);

    private static final int MAX_DIGITS = 9;

    private AdvisoryIds() {}

    /** The id that starts exactly at {@code from}, or {@code null}. */
    static Id at(CharSequence text, int from) {
        Matcher xsa = XSA.matcher(text).region(from, text.length());
        if (xsa.lookingAt()) {
            return xsa(xsa);
        }
        Matcher cve = CVE.matcher(text).region(from, text.length());
        if (cve.lookingAt()) {
            String value = cve.group().toUpperCase(Locale.ROOT);
            String warning = cve.group().startsWith("CVE")
                    ? null
                    : "CVE id written " + Warnings.quote(cve.group()) + "; read as " + value;
            return new Id(Kind.CVE, value, from, cve.end(), warning);
        }
        Matcher lookalike = CVE_LOOKALIKE.matcher(text).region(from, text.length());
        if (lookalike.lookingAt()) {
            return new Id(
                    Kind.UNUSABLE,
                    lookalike.group(),
                    from,
                    lookalike.end(),
                    Warnings.quote(lookalike.group()) + " is not a CVE id; left out");
        }
        return null;
    }

    /** The first id of any spelling in {@code [from, to)}, or {@code null}. */
    static String firstAnywhere(CharSequence text, int from, int to) {
        Matcher any = ANYWHERE.matcher(text).region(from, to);
        return any.find() ? any.group() : null;
    }

    private static Id xsa(Matcher xsa) {
        String written = xsa.group();
        String digits = xsa.group(2);
        String significant = digits.replaceFirst("^0+", "");
        if (significant.isEmpty() || significant.length() > MAX_DIGITS) {
            return new Id(
                    Kind.UNUSABLE,
                    written,
                    xsa.start(),
                    xsa.end(),
                    Warnings.quote(written) + " is not an advisory number; left out");
        }
        boolean usual = written.startsWith("XSA") && xsa.group(1).equals("-") && significant.equals(digits);
        String warning = usual ? null : "XSA written " + Warnings.quote(written) + "; read as XSA-" + significant;
        return new Id(Kind.XSA, significant, xsa.start(), xsa.end(), warning);
    }
}
