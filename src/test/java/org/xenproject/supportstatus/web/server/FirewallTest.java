package org.xenproject.supportstatus.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's loop gives the verdict of Spring Security's default rule, character by character and on mixed text. */
class FirewallTest {

    private static final Predicate<String> NAMES = StrictHttpFirewall.ALLOWED_HEADER_NAMES;
    private static final Predicate<String> VALUES = StrictHttpFirewall.ALLOWED_HEADER_VALUES;

    @Test
    void everyCodePointAloneGetsTheDefaultRulesVerdict() {
        int differences = 0;
        int refused = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = new String(Character.toChars(codePoint));
            boolean name = NAMES.test(text);
            boolean value = VALUES.test(text);
            if (Firewall.printable(text, false) != name || Firewall.printable(text, true) != value) {
                differences++;
            }
            if (!name) {
                refused++;
            }
        }
        assertThat(differences).isZero();
        // The rule refuses something: controls and unassigned code points.
        assertThat(refused).isGreaterThan(800_000);
    }

    @Test
    void textMixingPrintableControlsAndLoneSurrogatesGetsTheDefaultRulesVerdict() {
        char[] alphabet = {
            'a', 'Z', '0', ' ', '\t', '\n', '\r', 0, 0x7f, 0x85, 0xe9, 0x378, 0x2028, 0xd800, 0xdc00, 0xd83d, 0xde00,
            0xfffe, 0xffff
        };
        SplittableRandom random = new SplittableRandom(12);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            char[] text = new char[random.nextInt(0, 8)];
            for (int j = 0; j < text.length; j++) {
                text[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            assertThat(Firewall.printable(s, false))
                    .as("name %s", s.chars().boxed().toList())
                    .isEqualTo(NAMES.test(s));
            assertThat(Firewall.printable(s, true))
                    .as("value %s", s.chars().boxed().toList())
                    .isEqualTo(VALUES.test(s));
            if (NAMES.test(s)) {
                accepted++;
            }
        }
        assertThat(accepted).isBetween(1_000, 19_000);
    }
}
