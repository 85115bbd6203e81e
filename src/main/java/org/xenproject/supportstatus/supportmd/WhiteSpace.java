package org.xenproject.supportstatus.supportmd;

/**
 * White space as Perl's {@code \s} sees it in a character string, since that is what
 * docs/parse-support-md trims with: ASCII white space plus Unicode's space separators.
 */
final class WhiteSpace {

    private WhiteSpace() {}

    static boolean is(char c) {
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\u000B'
                || c == '\f'
                || c == '\r'
                || c == '\u0085'
                || Character.isSpaceChar(c);
    }

    static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && is(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    static String strip(String s) {
        int start = 0;
        String trailing = stripTrailing(s);
        while (start < trailing.length() && is(trailing.charAt(start))) {
            start++;
        }
        return trailing.substring(start);
    }

    static boolean startsWithSpace(String s) {
        return !s.isEmpty() && is(s.charAt(0));
    }
}
