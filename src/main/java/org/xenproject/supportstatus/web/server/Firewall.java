package org.xenproject.supportstatus.web.server;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, with its default rule for header names and values and
 * parameter names checked by a loop instead of a regular expression. The firewall checks every
 * header and parameter each time the service reads one, on every request (docs/architecture.md,
 * "Per-request tuning"); the regular expression was the largest single cost of answering from a
 * snapshot that Spring added. The rule is the same: every character assigned in Unicode and none a
 * control character, but tab in a header's value.
 */
final class Firewall {

    private Firewall() {}

    static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(name -> printable(name, false));
        firewall.setAllowedParameterNames(name -> printable(name, false));
        firewall.setAllowedHeaderValues(value -> printable(value, true));
        return firewall;
    }

    /**
     * Whether every code point of {@code text} is assigned and none is a control character (but
     * tab, when {@code tab}): what {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} matches.
     */
    static boolean printable(String text, boolean tab) {
        int length = text.length();
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if ((c < 0x20 && !(tab && c == '\t')) || c == 0x7f) {
                    return false;
                }
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
