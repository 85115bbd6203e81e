package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class PandocIdentifierProperties {

    /** The ASCII fast path is only an optimisation: it must agree with the general algorithm. */
    @Property(tries = 1000)
    void asciiFastPathAgreesWithTheGeneralOne(
            @ForAll @CharRange(from = 0, to = 127) @StringLength(max = 40) String text) {
        assertThat(PandocIdentifier.ofAscii(text)).isEqualTo(PandocIdentifier.ofAnyText(text));
    }

    @Property(tries = 300)
    void anIdentifierIsNeverEmptyAndHasNoWhiteSpace(@ForAll @StringLength(max = 40) String text) {
        String identifier = PandocIdentifier.of(text);
        assertThat(identifier).isNotEmpty().doesNotContainAnyWhitespaces();
    }
}
